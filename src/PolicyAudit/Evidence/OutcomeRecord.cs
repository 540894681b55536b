namespace PolicyAudit;

/// <summary>What came of a decision, as evidence.</summary>
public sealed record OutcomeRecord : EvidenceRecord
{
    /// <inheritdoc />
    public override EvidenceKind Kind => EvidenceKind.Outcome;

    /// <summary>The id of the decision.</summary>
    public required string DecisionId { get; init; }

    /// <summary>What came of it.</summary>
    public required OutcomeKind Outcome { get; init; }

    /// <summary>Free text; null when none.</summary>
    public string? Note { get; init; }
}
