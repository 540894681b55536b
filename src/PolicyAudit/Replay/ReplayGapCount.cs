namespace PolicyAudit;

/// <summary>Decisions that could not be replayed for one reason, with a few of their ids to look at. Immutable.</summary>
/// <param name="Gap">Why.</param>
/// <param name="Count">How many decisions.</param>
/// <param name="DecisionIds">The first few of them, in chain order.</param>
public sealed record ReplayGapCount(ReplayGap Gap, int Count, IReadOnlyList<string> DecisionIds);
