using Npgsql;
using PolicyAudit.Tests.Shared;

namespace PolicyAudit.PostgreSql.Tests;

/// <summary>Opening a store of schema version 1 (see <see cref="SchemaOneEvidence"/> for how one is built).</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlSchemaMigrationTests(PostgresServer server)
{
    [PostgresFact]
    public async Task OpenAsync_SchemaOneStore_AddsAndBackFillsQueryColumnsKeepingTheChain()
    {
        var connectionString = await CreateSchemaOneStoreAsync();
        var before = await ReadChainColumnsAsync(connectionString);

        await using var store = await PostgreSqlEvidence.OpenAsync(connectionString);
        var history = new List<string>();
        await foreach (var stored in store.ReadCustomerAsync("guest-7", EvidenceWindow.All))
        {
            history.Add(stored.Record.Id);
        }

        Assert.Equal(2, await RawPostgres.ScalarAsync(connectionString, "SELECT version FROM policyaudit.schema_version"));
        Assert.Equal(before, await ReadChainColumnsAsync(connectionString));
        Assert.Equal(SchemaOneEvidence.GuestSevenHistory, history);
        Assert.Equal("guest-7|d-1", await RawPostgres.ScalarAsync(connectionString, "SELECT customer || '|' || decision_id FROM policyaudit.evidence WHERE id = 'ov-1'"));
        Assert.True((await store.VerifyAsync()).IsValid);
        await store.AppendAsync(
            [new OutcomeRecord { Id = "o-2", At = DateTimeOffset.UnixEpoch, DecisionId = "d-2", Outcome = OutcomeKind.Loss }],
            AppendDurability.Durable);
        Assert.True((await store.VerifyAsync()).IsValid);
    }

    [PostgresFact]
    public async Task OpenAsync_SchemaOneStoreThatDoesNotVerify_RefusesToMigrateAndChangesNothing()
    {
        var connectionString = await CreateSchemaOneStoreAsync();
        await RawPostgres.TamperAsync(connectionString, "UPDATE policyaudit.evidence SET payload = replace(payload, 'wedding', 'birthday') WHERE id = 'ov-1'");
        await RawPostgres.ExecuteAsync(connectionString, "ALTER TABLE policyaudit.evidence ENABLE TRIGGER USER");
        var before = await ReadChainColumnsAsync(connectionString);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => PostgreSqlEvidence.OpenAsync(connectionString));

        Assert.Contains("does not verify", error.Message, StringComparison.Ordinal);
        Assert.Contains("INVALID at record 5", error.Message, StringComparison.Ordinal);
        Assert.Contains("not migrated", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, await RawPostgres.ScalarAsync(connectionString, "SELECT version FROM policyaudit.schema_version"));
        Assert.Equal(0L, await RawPostgres.ScalarAsync(connectionString,
            "SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = 'policyaudit' AND table_name = 'evidence' AND column_name IN ('customer', 'decision_id')"));
        Assert.Equal(before, await ReadChainColumnsAsync(connectionString));
    }

    private async Task<string> CreateSchemaOneStoreAsync()
    {
        var written = await server.CreateDatabaseAsync("written");
        await using (var store = await PostgreSqlEvidence.OpenAsync(written))
        {
            await store.AppendAsync(SchemaOneEvidence.Records, AppendDurability.Durable);
        }

        var connectionString = await server.CreateDatabaseAsync("schema1");
        await RawPostgres.ExecuteAsync(connectionString, SchemaOneEvidence.SchemaSql);
        foreach (var row in await ReadChainRowsAsync(written))
        {
            await RawPostgres.ExecuteAsync(
                connectionString,
                "INSERT INTO policyaudit.evidence (sequence, kind, id, at, payload, prev_hash, hash) VALUES (@s, @k, @i, @a, @p, @ph, @h)",
                ("s", row[0]), ("k", row[1]), ("i", row[2]), ("a", row[3]), ("p", row[4]), ("ph", row[5]), ("h", row[6]));
        }

        return connectionString;
    }

    private static async Task<List<object[]>> ReadChainRowsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT sequence, kind, id, at, payload, prev_hash, hash FROM policyaudit.evidence ORDER BY sequence", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object[]>();
        while (await reader.ReadAsync())
        {
            var values = new object[7];
            reader.GetValues(values);
            rows.Add(values);
        }

        return rows;
    }

    private static async Task<List<string>> ReadChainColumnsAsync(string connectionString) =>
        (await ReadChainRowsAsync(connectionString)).Select(r => string.Join("|", r)).ToList();
}
