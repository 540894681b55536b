namespace PolicyAudit;

/// <summary>A record as stored: its place in the chain and its hash. Immutable.</summary>
/// <param name="Sequence">The record's position in the chain, from 1.</param>
/// <param name="Record">The record.</param>
/// <param name="Hash">The chain hash of the record (hex SHA-256).</param>
public sealed record StoredEvidence(long Sequence, EvidenceRecord Record, string Hash);
