namespace PolicyAudit;

/// <summary>
/// One record of evidence. Records are immutable; a store appends them to a hash chain and never changes them.
/// The pair (<see cref="Kind"/>, <see cref="Id"/>) is unique in a store.
/// </summary>
public abstract record EvidenceRecord
{
    private protected EvidenceRecord()
    {
    }

    /// <summary>The record's id, unique among records of its kind.</summary>
    public required string Id { get; init; }

    /// <summary>When the thing the record describes happened.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>The kind of record.</summary>
    public abstract EvidenceKind Kind { get; }
}
