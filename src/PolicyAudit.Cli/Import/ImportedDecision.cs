namespace PolicyAudit.Cli;

/// <summary>
/// A decision read from an import source, validated but not yet stored. <see cref="PolicyOutcomes"/> is null when the
/// source listed bare policy ids; <see cref="Facts"/> when it gave no facts.
/// </summary>
internal sealed record ImportedDecision(
    SourceLine Where,
    string Id,
    DateTimeOffset At,
    IReadOnlyList<string> Policies,
    DecisionOutcome Outcome,
    string? Customer,
    string? Staff,
    string? Location,
    IReadOnlyList<DecisionOutcome>? PolicyOutcomes = null,
    DecisionFacts? Facts = null)
{
    /// <summary>The record to store.</summary>
    public DecisionRecord ToRecord() => new()
    {
        Id = Id,
        At = At,
        Outcome = Outcome,
        Policies = Policies,
        PolicyOutcomes = PolicyOutcomes,
        Customer = Customer,
        Staff = Staff,
        Location = Location,
        FactsDigest = Facts?.Digest,
        Facts = Facts,
    };
}
