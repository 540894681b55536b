using Npgsql;

namespace PolicyAudit.PostgreSql.Tests;

/// <summary>
/// Direct SQL on an evidence database as the superuser, bypassing the store: what an attacker holding the owner's
/// credentials could do. <see cref="TamperAsync"/> disables the append-only triggers first, as such an attacker would.
/// </summary>
internal static class RawPostgres
{
    public static async Task<object?> ScalarAsync(string connectionString, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync(connectionString);
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteScalarAsync();
    }

    public static async Task ExecuteAsync(string connectionString, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync(connectionString);
        await using var command = Command(connection, sql, parameters);
        await command.ExecuteNonQueryAsync();
    }

    public static Task TamperAsync(string connectionString, string sql, params (string Name, object Value)[] parameters) =>
        ExecuteAsync(connectionString, "ALTER TABLE policyaudit.evidence DISABLE TRIGGER USER; " + sql, parameters);

    private static async Task<NpgsqlConnection> OpenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }
}
