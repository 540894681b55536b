namespace PolicyAudit.Benchmarks.Decision;

/// <summary>What hand-written policy code computes: the combined outcome and the policies that fired, with reasons.</summary>
/// <param name="Outcome">Deny over RequireApproval over Allow; Allow when nothing fired.</param>
/// <param name="Fired">The policies that fired, strongest outcome first, then by id.</param>
public sealed record HandWrittenDecision(DecisionOutcome Outcome, IReadOnlyList<HandWrittenFiring> Fired);
