namespace PolicyAudit.Benchmarks.Decision;

/// <summary>One hand-written policy check that applied.</summary>
/// <param name="PolicyId">The policy's id.</param>
/// <param name="Outcome">What it says.</param>
/// <param name="Reason">Why, for this request (the same text the policy's outcome builds).</param>
public sealed record HandWrittenFiring(string PolicyId, DecisionOutcome Outcome, string Reason);
