namespace PolicyAudit;

/// <summary>A decision, as evidence.</summary>
public sealed record DecisionRecord : EvidenceRecord
{
    /// <inheritdoc />
    public override EvidenceKind Kind => EvidenceKind.Decision;

    /// <summary>The combined outcome.</summary>
    public required DecisionOutcome Outcome { get; init; }

    /// <summary>The ids of the policies that fired; the determining ones first.</summary>
    public required IReadOnlyList<string> Policies { get; init; }

    /// <summary>The customer's id; null when anonymous.</summary>
    public string? Customer { get; init; }

    /// <summary>The id of the staff member serving; null when unknown.</summary>
    public string? Staff { get; init; }

    /// <summary>The location; null when unknown.</summary>
    public string? Location { get; init; }

    /// <summary>The policy set version; null for imported decisions.</summary>
    public string? PolicySetVersion { get; init; }

    /// <summary>The digest of the facts; null for imported decisions.</summary>
    public string? FactsDigest { get; init; }

    /// <summary>Builds the record of a decision.</summary>
    /// <param name="decision">The decision.</param>
    /// <returns>The record.</returns>
    public static DecisionRecord From(Decision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return new DecisionRecord
        {
            Id = decision.Id,
            At = decision.At,
            Outcome = decision.Outcome,
            Policies = decision.DeterminingPolicies.Concat(decision.FiredPolicies.Where(p => p.Outcome != decision.Outcome))
                .Select(p => p.PolicyId).ToArray(),
            Customer = decision.Context.Customer,
            Staff = decision.Context.Staff,
            Location = decision.Context.Location,
            PolicySetVersion = decision.PolicySetVersion,
            FactsDigest = decision.FactsDigest,
        };
    }
}
