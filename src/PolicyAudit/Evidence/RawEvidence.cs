namespace PolicyAudit;

/// <summary>One stored row of the chain, as a store keeps it: the indexed columns and the hashed payload.</summary>
internal readonly record struct RawEvidence(
    long Sequence,
    string Kind,
    string Id,
    DateTimeOffset At,
    string Payload,
    string PreviousHash,
    string Hash);
