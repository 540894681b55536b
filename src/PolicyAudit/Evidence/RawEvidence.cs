using System.Data.Common;

namespace PolicyAudit;

/// <summary>
/// One stored row of the chain, as a store keeps it: the indexed columns and the hashed payload. A row whose columns
/// cannot be what PolicyAudit wrote (a NULL, a time no instant can have) carries a <see cref="Damage"/> instead of
/// throwing, so verification names the record rather than failing with a driver message.
/// </summary>
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

    /// <summary>What is structurally wrong with the row's columns; null when they are well-formed.</summary>
    public string? Damage { get; init; }

    /// <summary>Reads the current row of a reader that selected <see cref="Columns"/> (time as UTC ticks).</summary>
    public static RawEvidence Read(DbDataReader reader)
    {
        var sequence = reader.GetInt64(0);
        string? damage = null;
        string Text(int ordinal, string column)
        {
            if (!reader.IsDBNull(ordinal) && reader.GetValue(ordinal) is string text)
            {
                return text;
            }

            damage ??= reader.IsDBNull(ordinal) ? $"its {column} is NULL" : $"its {column} is not text";
            return string.Empty;
        }

        var kind = Text(1, "kind");
        var id = Text(2, "id");
        var at = DateTimeOffset.MinValue;
        if (reader.IsDBNull(3) || reader.GetValue(3) is not long ticks)
        {
            damage ??= "its time is NULL or not a number";
        }
        else if (ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            damage ??= $"its time ({ticks} ticks) is outside the range of any instant";
        }
        else
        {
            at = new DateTimeOffset(ticks, TimeSpan.Zero);
        }

        var payload = Text(4, "payload");
        var previous = Text(5, "previous hash");
        var hash = Text(6, "hash");
        return new RawEvidence(sequence, kind, id, at, payload, previous, hash) { Damage = damage };
    }
}
