namespace PolicyAudit.Cli;

/// <summary>An outcome read from an import source, validated but not yet stored.</summary>
internal sealed record ImportedOutcome(SourceLine Where, string DecisionId, DateTimeOffset At, OutcomeKind Kind, string? Note);
