namespace PolicyAudit.Cli;

/// <summary>A decision read from an import source, validated but not yet stored.</summary>
internal sealed record ImportedDecision(
    SourceLine Where,
    string Id,
    DateTimeOffset At,
    IReadOnlyList<string> Policies,
    DecisionOutcome Outcome,
    string? Customer,
    string? Staff,
    string? Location);
