namespace PolicyAudit;

/// <summary>A policy that fired in a decision, with what it said and why. Immutable.</summary>
/// <param name="PolicyId">The policy id.</param>
/// <param name="Title">The policy's title.</param>
/// <param name="Outcome">What this policy said.</param>
/// <param name="Reason">The reason the policy gave for this request.</param>
/// <param name="Rationale">Why the policy exists, in words staff can read out to a customer; null when none.</param>
/// <param name="OverridableBy">The lowest role that may override this policy without an approver.</param>
public sealed record DeterminingPolicy(
    string PolicyId,
    string Title,
    DecisionOutcome Outcome,
    string Reason,
    string? Rationale,
    StaffRole OverridableBy);
