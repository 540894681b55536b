namespace PolicyAudit;

/// <summary>A justification staff gave, normalised (trimmed, lower case, single spaces), and how often. Immutable.</summary>
/// <param name="Text">The normalised text; <c>(none given)</c> for blank justifications of imported overrides.</param>
/// <param name="Count">How many overrides gave it.</param>
public sealed record JustificationCount(string Text, int Count);
