using Microsoft.Data.Sqlite;

namespace PolicyAudit.Reliability.Tests;

/// <summary>
/// Direct SQL on an evidence file, bypassing the store: what an attacker with write access to the file can do. The
/// append-only triggers are dropped first, as such an attacker would.
/// </summary>
internal static class RawSqlite
{
    public static SqliteConnection OpenAsAttacker(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        Execute(connection, "DROP TRIGGER IF EXISTS evidence_no_update; DROP TRIGGER IF EXISTS evidence_no_delete; DROP TRIGGER IF EXISTS evidence_extends_chain; DROP TRIGGER IF EXISTS evidence_no_replace;");
        return connection;
    }

    /// <summary>Runs <paramref name="sql"/> on the file at <paramref name="path"/> through its own unpooled connection.</summary>
    public static void Execute(string path, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        Execute(connection, sql);
    }

    /// <summary>Reads one value from the file at <paramref name="path"/> through a read-only, unpooled connection.</summary>
    public static object? Scalar(string path, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    public static int Execute(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command.ExecuteNonQuery();
    }

    public static List<StoredRow> ReadRows(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sequence, kind, id, at, payload, prev_hash, hash, customer, decision_id FROM evidence ORDER BY sequence;";
        using var reader = command.ExecuteReader();
        var rows = new List<StoredRow>();
        while (reader.Read())
        {
            rows.Add(new StoredRow(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetString(4), reader.GetString(5), reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetString(7), reader.IsDBNull(8) ? null : reader.GetString(8)));
        }

        return rows;
    }

    /// <summary>One row of the evidence table, as stored, with its query columns.</summary>
    internal sealed record StoredRow(long Sequence, string Kind, string Id, long At, string Payload, string PreviousHash, string Hash, string? Customer, string? DecisionId);
}
