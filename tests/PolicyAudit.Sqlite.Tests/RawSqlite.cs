using Microsoft.Data.Sqlite;

namespace PolicyAudit.Sqlite.Tests;

/// <summary>
/// Direct SQL on an evidence file, bypassing the store: what an attacker with access to the file could do. The
/// append-only triggers are dropped first, as such an attacker would.
/// </summary>
internal static class RawSqlite
{
    public static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public static void Execute(string path, string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = Open(path);
        Execute(connection, sql, parameters);
    }

    public static void Execute(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        command.ExecuteNonQuery();
    }

    public static object? Scalar(string path, string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command.ExecuteScalar();
    }

    public static void Tamper(string path, string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = Open(path);
        Execute(connection, "DROP TRIGGER IF EXISTS evidence_no_update; DROP TRIGGER IF EXISTS evidence_no_delete;");
        Execute(connection, sql, parameters);
    }
}
