namespace PolicyAudit.Benchmarks.Decision;

/// <summary>
/// What a baseline (hand-written <c>if</c>s, or raw NRules) computes for a request: the combined outcome and the
/// policies that fired, with reasons, so it can be checked against the engine's decision.
/// </summary>
/// <param name="Outcome">Deny over RequireApproval over Allow; Allow when nothing fired.</param>
/// <param name="Fired">The policies that fired, strongest outcome first, then by id.</param>
public sealed record BaselineDecision(DecisionOutcome Outcome, IReadOnlyList<BaselineFiring> Fired);
