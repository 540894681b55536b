using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace PolicyAudit.Reliability.Tests;

/// <summary>
/// Makes one random real change to an evidence file through raw SQL: a changed value (optionally with the chain's
/// hashes recomputed from there on, as a careful attacker would), a deleted row, two rows swapped, or the newest rows
/// cut off.
/// </summary>
internal sealed class Tamperer(Random random, IReadOnlyList<RawSqlite.StoredRow> rows)
{
    private static readonly string[] Kinds = ["policy", "decision", "override", "refused-override", "outcome", "dropped-decisions"];
    private static readonly string[] Columns = ["sequence", "kind", "id", "at", "payload", "prev_hash", "hash", "customer", "decision_id"];

    private long Last => rows[^1].Sequence;

    public Tampering Apply(SqliteConnection connection) => random.Next(4) switch
    {
        0 => ChangeValue(connection),
        1 => DeleteRow(connection),
        2 => SwapRows(connection),
        _ => CutTail(connection),
    };

    private Tampering ChangeValue(SqliteConnection connection)
    {
        var row = rows[random.Next(rows.Count)];
        var column = Columns[random.Next(Columns.Length)];
        switch (column)
        {
            case "sequence":
                var moved = Last + 1 + random.Next(100);
                Update(connection, row, "sequence", moved);
                return new Tampering("changed", $"record {row.Sequence} moved to sequence {moved}", row.Sequence, moved, true);
            case "kind":
                var kind = random.Next(3) == 0 ? row.Kind.ToUpperInvariant() : Kinds.Where(k => k != row.Kind).ElementAt(random.Next(Kinds.Length - 1));
                Update(connection, row, "kind", kind);
                return new Tampering("changed", $"record {row.Sequence} kind '{row.Kind}' -> '{kind}'", row.Sequence, row.Sequence, true);
            case "id":
                var id = Mutate(row.Id);
                Update(connection, row, "id", id);
                return new Tampering("changed", $"record {row.Sequence} id '{row.Id}' -> '{id}'", row.Sequence, row.Sequence, true);
            case "at":
                var shift = (random.Next(2) == 0 ? -1 : 1) * (long)Math.Pow(10, random.Next(0, 13));
                Update(connection, row, "at", row.At + shift);
                return new Tampering("changed", $"record {row.Sequence} time shifted by {shift} ticks", row.Sequence, row.Sequence, true);
            case "payload":
                return ChangePayload(connection, row);
            case "customer" or "decision_id":
                // The index queries read: an edit here hides a record from a customer's history or a decision's trail.
                var current = column == "customer" ? row.Customer : row.DecisionId;
                object edited = current is null ? "guest-" + random.Next(1000) : random.Next(3) == 0 ? DBNull.Value : Mutate(current);
                Update(connection, row, column, edited);
                return new Tampering("changed", $"record {row.Sequence} {column} '{current}' -> '{edited}'", row.Sequence, row.Sequence, true);
            default:
                var hash = column == "hash" ? row.Hash : row.PreviousHash;
                var changed = FlipHexDigit(hash);
                Update(connection, row, column, changed);
                return new Tampering("changed", $"record {row.Sequence} {column} digit changed", row.Sequence, row.Sequence, true);
        }
    }

    private Tampering ChangePayload(SqliteConnection connection, RawSqlite.StoredRow row)
    {
        string payload;
        string what;
        if (random.Next(2) == 0)
        {
            var position = random.Next(row.Payload.Length);
            var replacement = (char)random.Next(0x20, 0x7F);
            if (replacement == row.Payload[position])
            {
                replacement = replacement == 'x' ? 'y' : 'x';
            }

            payload = string.Concat(row.Payload.AsSpan(0, position), replacement.ToString(), row.Payload.AsSpan(position + 1));
            what = $"payload character {position} '{row.Payload[position]}' -> '{replacement}'";
        }
        else
        {
            // An edit a reader would not notice: one of the record's own string values, changed.
            var json = JsonNode.Parse(row.Payload)!.AsObject();
            var fields = Strings(json).Where(p => p.Name is not ("kind" or "id" or "at")).ToArray();
            var (name, parent) = fields[random.Next(fields.Length)];
            var old = parent[name]!.GetValue<string>();
            parent[name] = Mutate(old);
            payload = json.ToJsonString();
            what = $"payload field '{name}' '{old}' -> '{parent[name]}'";
        }

        if (random.Next(2) == 0)
        {
            Update(connection, row, "payload", payload);
            return new Tampering("changed", $"record {row.Sequence} {what}", row.Sequence, row.Sequence, true);
        }

        // The careful attacker: recompute this record's hash and every later link, so the chain holds again. Only a
        // checkpoint taken before the change can show it (unless the edit broke the record's own consistency).
        var previous = row.PreviousHash;
        foreach (var later in rows.Where(r => r.Sequence >= row.Sequence))
        {
            var content = later.Sequence == row.Sequence ? payload : later.Payload;
            var hash = EvidenceChain.ComputeHash(previous, later.Sequence, content);
            RawSqlite.Execute(connection, "UPDATE evidence SET payload = $payload, prev_hash = $prev, hash = $hash WHERE sequence = $sequence;",
                ("$payload", content), ("$prev", previous), ("$hash", hash), ("$sequence", later.Sequence));
            previous = hash;
        }

        return new Tampering("changed", $"record {row.Sequence} {what}, chain re-hashed to the end", row.Sequence, Last, null);
    }

    private Tampering DeleteRow(SqliteConnection connection)
    {
        var row = rows[random.Next(rows.Count)];
        RawSqlite.Execute(connection, "DELETE FROM evidence WHERE sequence = $sequence;", ("$sequence", row.Sequence));

        // Deleting the newest record is cutting the tail: a plain chain cannot see it.
        return new Tampering("deleted", $"record {row.Sequence} deleted", row.Sequence, row.Sequence + 1, row.Sequence != Last);
    }

    private Tampering SwapRows(SqliteConnection connection)
    {
        var a = rows[random.Next(rows.Count)];
        var b = rows.Where(r => r != a).ElementAt(random.Next(rows.Count - 1));

        // Through a placeholder key, because (kind, id) is unique.
        RawSqlite.Execute(connection, "UPDATE evidence SET id = id || ':swapping' WHERE sequence IN ($a, $b);", ("$a", a.Sequence), ("$b", b.Sequence));
        Put(connection, b, a.Sequence);
        Put(connection, a, b.Sequence);
        return new Tampering("swapped", $"records {a.Sequence} and {b.Sequence} swapped", Math.Min(a.Sequence, b.Sequence), Math.Max(a.Sequence, b.Sequence), true);
    }

    private Tampering CutTail(SqliteConnection connection)
    {
        var keep = random.Next(0, rows.Count);
        RawSqlite.Execute(connection, "DELETE FROM evidence WHERE sequence > $keep;", ("$keep", keep));
        return new Tampering("cut off", $"records {keep + 1}..{Last} cut off", keep + 1, keep + 1, false);
    }

    private static void Put(SqliteConnection connection, RawSqlite.StoredRow content, long sequence) =>
        RawSqlite.Execute(connection, "UPDATE evidence SET kind = $kind, id = $id, at = $at, payload = $payload, prev_hash = $prev, hash = $hash, customer = $customer, decision_id = $decision WHERE sequence = $sequence;",
            ("$kind", content.Kind), ("$id", content.Id), ("$at", content.At), ("$payload", content.Payload), ("$prev", content.PreviousHash), ("$hash", content.Hash),
            ("$customer", (object?)content.Customer ?? DBNull.Value), ("$decision", (object?)content.DecisionId ?? DBNull.Value), ("$sequence", sequence));

    private static void Update(SqliteConnection connection, RawSqlite.StoredRow row, string column, object value) =>
        RawSqlite.Execute(connection, $"UPDATE evidence SET {column} = $value WHERE sequence = $sequence;", ("$value", value), ("$sequence", row.Sequence));

    private string Mutate(string text)
    {
        if (text.Length == 0 || random.Next(3) == 0)
        {
            return text + "x";
        }

        var position = random.Next(text.Length);
        var replacement = text[position] == 'Z' ? 'Y' : (char)(text[position] == 'z' ? 'Z' : 'z');
        return string.Concat(text.AsSpan(0, position), replacement.ToString(), text.AsSpan(position + 1));
    }

    private string FlipHexDigit(string hex)
    {
        var position = random.Next(hex.Length);
        var digit = Convert.ToInt32(hex[position].ToString(), 16);
        var other = ((digit + 1 + random.Next(15)) % 16).ToString("x", CultureInfo.InvariantCulture);
        return string.Concat(hex.AsSpan(0, position), other, hex.AsSpan(position + 1));
    }

    private static IEnumerable<(string Name, JsonObject Parent)> Strings(JsonObject json)
    {
        foreach (var (name, value) in json)
        {
            switch (value)
            {
                case JsonValue v when v.TryGetValue<string>(out _):
                    yield return (name, json);
                    break;
                case JsonObject o:
                    foreach (var inner in Strings(o))
                    {
                        yield return inner;
                    }

                    break;
                case JsonArray array:
                    foreach (var inner in array.OfType<JsonObject>().SelectMany(Strings))
                    {
                        yield return inner;
                    }

                    break;
            }
        }
    }
}
