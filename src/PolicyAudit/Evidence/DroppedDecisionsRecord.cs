namespace PolicyAudit;

/// <summary>How many decisions the decision buffer had to drop (it was full), so that no loss is silent.</summary>
public sealed record DroppedDecisionsRecord : EvidenceRecord
{
    /// <inheritdoc />
    public override EvidenceKind Kind => EvidenceKind.DroppedDecisions;

    /// <summary>The number of decisions dropped since the previous such record.</summary>
    public required long Count { get; init; }

    /// <summary>When the first of them was dropped.</summary>
    public required DateTimeOffset Since { get; init; }
}
