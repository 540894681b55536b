namespace PolicyAudit.Benchmarks.Decision;

/// <summary>
/// One policy check that applied, in a baseline. The raw NRules rules yield it as a fact, so it is a class compared by
/// reference (as the engine's own yielded fact is), not a record NRules would hash and compare field by field.
/// </summary>
public sealed class BaselineFiring(string policyId, DecisionOutcome outcome, string reason)
{
    /// <summary>The policy's id.</summary>
    public string PolicyId { get; } = policyId;

    /// <summary>What it says.</summary>
    public DecisionOutcome Outcome { get; } = outcome;

    /// <summary>Why, for this request (the same text the policy's outcome builds).</summary>
    public string Reason { get; } = reason;
}
