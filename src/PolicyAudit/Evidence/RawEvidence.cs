using System.Data.Common;

namespace PolicyAudit;

/// <summary>
/// One stored row of the chain, as a store keeps it: the indexed columns, the query columns and the hashed payload.
/// A row whose columns cannot be what PolicyAudit wrote (a NULL, a time no instant can have) carries a
/// <see cref="Damage"/> instead of throwing, so verification names the record rather than failing with a driver
/// message. A row read from a store not yet migrated to the query columns has none (<see cref="HasQueryColumns"/>).
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
    /// <summary>The columns of the chain itself, which every schema has, in this order.</summary>
    public const string ChainColumns = "sequence, kind, id, at, payload, prev_hash, hash";

    /// <summary>The columns every store selects, in this order, to read rows for verification.</summary>
    public const string Columns = ChainColumns + ", customer, decision_id";

    /// <summary>What is structurally wrong with the row's columns; null when they are well-formed.</summary>
    public string? Damage { get; init; }

    /// <summary>
    /// Reads the current row of a reader that selected <see cref="Columns"/>, or only <see cref="ChainColumns"/> on a
    /// store not yet migrated (time as UTC ticks).
    /// </summary>
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

        string? OptionalText(int ordinal, string column)
        {
            if (reader.IsDBNull(ordinal))
            {
                return null;
            }

            if (reader.GetValue(ordinal) is string text)
            {
                return text;
            }

            damage ??= $"its {column} is not text";
            return null;
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
        var hasQueryColumns = reader.FieldCount > 7;
        var query = hasQueryColumns ? new EvidenceQueryColumns(OptionalText(7, "customer"), OptionalText(8, "decision id")) : default;
        return new RawEvidence(sequence, kind, id, at, payload, previous, hash, query, hasQueryColumns) { Damage = damage };
    }
}
