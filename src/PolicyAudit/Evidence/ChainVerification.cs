namespace PolicyAudit;

/// <summary>The result of verifying an evidence chain. Immutable.</summary>
/// <param name="IsValid">True when every record and link holds (and the checkpoint, if one was given).</param>
/// <param name="RecordsChecked">How many records were checked.</param>
/// <param name="Head">The newest record's place; null when the store is empty.</param>
/// <param name="FirstBadSequence">The sequence number of the first bad record; null when valid.</param>
/// <param name="Problem">What is wrong with it, in a sentence; null when valid.</param>
public sealed record ChainVerification(
    bool IsValid,
    long RecordsChecked,
    ChainCheckpoint? Head,
    long? FirstBadSequence,
    string? Problem)
{
    /// <inheritdoc />
    public override string ToString() => IsValid
        ? $"valid: {RecordsChecked} records, head {Head?.ToString() ?? "(empty)"}"
        : $"INVALID at record {FirstBadSequence}: {Problem}";
}
