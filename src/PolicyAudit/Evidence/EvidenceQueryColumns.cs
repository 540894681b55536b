namespace PolicyAudit;

/// <summary>
/// The columns a store indexes a record by, besides kind and time: the customer it is about and the decision it
/// belongs to. Derived from the record alone, at append time, so <see cref="EvidenceChainVerifier"/> can re-derive
/// them from the hashed payload and catch a row whose index was edited to hide it from a query.
/// </summary>
/// <param name="Customer">The customer named by a decision or by an override's or refusal's snapshot; null otherwise.
/// Outcomes carry no customer: queries reach them through <paramref name="DecisionId"/>.</param>
/// <param name="DecisionId">The decision's own id, or the id of the decision an override, refusal or outcome is about; null otherwise.</param>
internal readonly record struct EvidenceQueryColumns(string? Customer, string? DecisionId)
{
    public static EvidenceQueryColumns Of(EvidenceRecord record) => record switch
    {
        DecisionRecord d => new(d.Customer, d.Id),
        OverrideRecord o => new(o.Decision.Customer, o.DecisionId),
        RefusedOverrideRecord r => new(r.Decision.Customer, r.DecisionId),
        OutcomeRecord oc => new(null, oc.DecisionId),
        _ => default,
    };
}
