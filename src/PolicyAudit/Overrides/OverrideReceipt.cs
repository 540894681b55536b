namespace PolicyAudit;

/// <summary>Proof that an override was appended durably to the evidence chain. Immutable.</summary>
/// <param name="OverrideId">The id of the override record.</param>
/// <param name="DecisionId">The id of the overridden decision.</param>
/// <param name="Sequence">The record's position in the evidence chain.</param>
/// <param name="Hash">The record's chain hash (hex SHA-256).</param>
/// <param name="RecordedAt">When the override was recorded.</param>
public sealed record OverrideReceipt(string OverrideId, string DecisionId, long Sequence, string Hash, DateTimeOffset RecordedAt);
