using System.Data.Common;

namespace PolicyAudit;

/// <summary>
/// One stored row of the chain, as a store keeps it: the indexed columns and the hashed payload. A row read from a
/// store of schema 1 has no query columns (<see cref="HasQueryColumns"/> false).
/// </summary>
internal readonly record struct RawEvidence(
    long Sequence,
    string Kind,
    string Id,
    DateTimeOffset At,
    string Payload,
    string PreviousHash,
    string Hash,
    EvidenceQueryColumns Query = default,
    bool HasQueryColumns = true)
{
    /// <summary>The columns every store of schema 1 has, in this order.</summary>
    public const string ChainColumns = "sequence, kind, id, at, payload, prev_hash, hash";

    /// <summary>The columns every store selects, in this order, to read rows for verification.</summary>
    public const string Columns = ChainColumns + ", customer, decision_id";

    /// <summary>
    /// Reads the current row of a reader that selected <see cref="Columns"/>, or only <see cref="ChainColumns"/> on a
    /// store not yet migrated (time as UTC ticks).
    /// </summary>
    public static RawEvidence Read(DbDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        reader.GetString(2),
        new DateTimeOffset(reader.GetInt64(3), TimeSpan.Zero),
        reader.GetString(4),
        reader.GetString(5),
        reader.GetString(6),
        reader.FieldCount > 7 ? new EvidenceQueryColumns(NullableString(reader, 7), NullableString(reader, 8)) : default,
        reader.FieldCount > 7);

    private static string? NullableString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
