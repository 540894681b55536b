namespace PolicyAudit;

/// <summary>A determining policy as it stood when a decision was made. Immutable.</summary>
/// <param name="PolicyId">The policy id.</param>
/// <param name="Outcome">What the policy said.</param>
/// <param name="Reason">The reason it gave; may be empty for imported evidence.</param>
/// <param name="OverridableBy">The lowest role that could override it without an approver.</param>
public sealed record PolicySnapshot(string PolicyId, DecisionOutcome Outcome, string Reason, StaffRole OverridableBy);
