namespace PolicyAudit.Cli;

/// <summary>An override read from an import source, validated but not yet stored.</summary>
internal sealed record ImportedOverride(
    SourceLine Where,
    string DecisionId,
    DateTimeOffset At,
    string Staff,
    StaffRole Role,
    string Justification,
    string? ApprovedBy);
