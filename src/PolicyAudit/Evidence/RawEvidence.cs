using System.Data.Common;

namespace PolicyAudit;

/// <summary>One stored row of the chain, as a store keeps it: the indexed columns and the hashed payload.</summary>
internal readonly record struct RawEvidence(
    long Sequence,
    string Kind,
    string Id,
    DateTimeOffset At,
    string Payload,
    string PreviousHash,
    string Hash)
{
    /// <summary>The columns every store selects, in this order, to read rows for verification.</summary>
    public const string Columns = "sequence, kind, id, at, payload, prev_hash, hash";

    /// <summary>Reads the current row of a reader that selected <see cref="Columns"/> (time as UTC ticks).</summary>
    public static RawEvidence Read(DbDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        reader.GetString(2),
        new DateTimeOffset(reader.GetInt64(3), TimeSpan.Zero),
        reader.GetString(4),
        reader.GetString(5),
        reader.GetString(6));
}
