namespace PolicyAudit;

/// <summary>How many replayed decisions went from one outcome to another. Immutable.</summary>
/// <param name="From">The recorded outcome (a policy that did not fire counts as allowing).</param>
/// <param name="To">The candidate's outcome.</param>
/// <param name="Count">How many decisions.</param>
public sealed record OutcomeChange(DecisionOutcome From, DecisionOutcome To, int Count);
