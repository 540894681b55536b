namespace PolicyAudit;

/// <summary>
/// The fact a policy yields when it fires: which policy, what it said and why. Compared by reference, so a policy
/// that matches twice yields two facts. Immutable.
/// </summary>
internal sealed class PolicyFired
{
    public PolicyFired(string policyId, DecisionOutcome outcome, string reason)
    {
        PolicyId = policyId;
        Outcome = outcome;
        Reason = string.IsNullOrWhiteSpace(reason) ? "(no reason given)" : reason;
    }

    public string PolicyId { get; }

    public DecisionOutcome Outcome { get; }

    public string Reason { get; }

    public override string ToString() => $"{PolicyId}: {Outcome} ({Reason})";
}
