using Npgsql;
using PolicyAudit.Tests.Shared;

namespace PolicyAudit.PostgreSql.Tests;

/// <summary>What only the PostgreSQL store does: schema and migrations, the writer role, triggers, several instances.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlEvidenceStoreTests(PostgresServer server)
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 14, 12, 0, 0, TimeSpan.Zero);

    [PostgresFact]
    public async Task OpenAsync_NewDatabase_CreatesVersionedSchemaAndInsertOnlyWriterRole()
    {
        var connectionString = await server.CreateDatabaseAsync("schema");

        await using (await PostgreSqlEvidence.OpenAsync(connectionString))
        {
        }

        Assert.Equal(PostgreSqlEvidence.SchemaVersion, await RawPostgres.ScalarAsync(connectionString, "SELECT version FROM policyaudit.schema_version"));
        Assert.Equal(true, await RawPostgres.ScalarAsync(connectionString, "SELECT has_table_privilege('policyaudit_writer', 'policyaudit.evidence', 'INSERT, SELECT')"));
        Assert.Equal(false, await RawPostgres.ScalarAsync(connectionString, "SELECT has_table_privilege('policyaudit_writer', 'policyaudit.evidence', 'UPDATE, DELETE, TRUNCATE')"));
    }

    [PostgresFact]
    public async Task OpenAsync_SeveralInstancesAtOnce_MigrateOnceAndAllWork()
    {
        var connectionString = await server.CreateDatabaseAsync("race");

        var stores = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => PostgreSqlEvidence.OpenAsync(connectionString)));
        try
        {
            await Task.WhenAll(stores.Select((s, i) => s.AppendAsync([Outcome($"o{i}")], AppendDurability.Durable)));

            Assert.True((await stores[0].VerifyAsync()).IsValid);
            Assert.Equal(4, (await stores[3].GetHeadAsync())!.Sequence);
        }
        finally
        {
            foreach (var store in stores)
            {
                await store.DisposeAsync();
            }
        }
    }

    [PostgresFact]
    public async Task AppendAsync_AsLeastPrivilegeRole_WorksButCannotChangeOrUnprotectRecords()
    {
        var owner = await server.CreateDatabaseAsync("writer");
        await (await PostgreSqlEvidence.OpenAsync(owner)).DisposeAsync();
        var login = "app_" + Guid.NewGuid().ToString("N")[..8];
        await RawPostgres.ExecuteAsync(owner, $"CREATE ROLE {login} LOGIN IN ROLE policyaudit_writer");
        var app = new NpgsqlConnectionStringBuilder(owner) { Username = login }.ConnectionString;

        await using var store = await PostgreSqlEvidence.OpenAsync(app);
        await store.AppendAsync([Outcome("a"), Outcome("b")], AppendDurability.Durable);
        var update = await Assert.ThrowsAsync<PostgresException>(() => RawPostgres.ExecuteAsync(app, "UPDATE policyaudit.evidence SET payload = 'x'"));
        var delete = await Assert.ThrowsAsync<PostgresException>(() => RawPostgres.ExecuteAsync(app, "DELETE FROM policyaudit.evidence"));
        var disable = await Assert.ThrowsAsync<PostgresException>(() => RawPostgres.ExecuteAsync(app, "ALTER TABLE policyaudit.evidence DISABLE TRIGGER USER"));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, update.SqlState);
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, delete.SqlState);
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, disable.SqlState);
        Assert.True((await store.VerifyAsync()).IsValid);
    }

    [PostgresFact]
    public async Task OpenAsync_LeastPrivilegeRoleOnUnmigratedDatabase_ThrowsAskingForTheOwner()
    {
        var owner = await server.CreateDatabaseAsync("unmigrated");
        var login = "app_" + Guid.NewGuid().ToString("N")[..8];
        await RawPostgres.ExecuteAsync(owner, $"CREATE ROLE {login} LOGIN; REVOKE CREATE ON SCHEMA public FROM PUBLIC; REVOKE CREATE ON DATABASE {new NpgsqlConnectionStringBuilder(owner).Database} FROM PUBLIC;");
        var app = new NpgsqlConnectionStringBuilder(owner) { Username = login }.ConnectionString;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => PostgreSqlEvidence.OpenAsync(app));

        Assert.Contains("owner", error.Message, StringComparison.Ordinal);
        Assert.Contains($"version 0 to {PostgreSqlEvidence.SchemaVersion}", error.Message, StringComparison.Ordinal);
    }

    [PostgresTheory]
    [InlineData("UPDATE policyaudit.evidence SET payload = 'x'", "UPDATE")]
    [InlineData("DELETE FROM policyaudit.evidence", "DELETE")]
    [InlineData("TRUNCATE policyaudit.evidence", "TRUNCATE")]
    [InlineData("INSERT INTO policyaudit.evidence SELECT 3, e.kind, e.id, e.at, e.payload, (SELECT hash FROM policyaudit.evidence WHERE sequence = 2), e.hash, e.customer, e.decision_id FROM policyaudit.evidence e WHERE e.sequence = 1 ON CONFLICT (kind, id) DO UPDATE SET payload = 'x'", "UPDATE")]
    public async Task RawSql_ChangingRecordsEvenAsOwner_IsRejectedByTriggers(string sql, string operation)
    {
        var connectionString = await server.CreateDatabaseAsync("triggers");
        await using var store = await PostgreSqlEvidence.OpenAsync(connectionString);
        await store.AppendAsync([Outcome("a"), Outcome("b")], AppendDurability.Durable);

        var error = await Assert.ThrowsAsync<PostgresException>(() => RawPostgres.ExecuteAsync(connectionString, sql));

        Assert.Contains($"append-only: {operation}", error.MessageText, StringComparison.Ordinal);
        Assert.Equal(2, (await store.VerifyAsync()).RecordsChecked);
    }

    [PostgresFact]
    public async Task RawSql_InsertNotFollowingTheHead_IsRejectedByTrigger()
    {
        var connectionString = await server.CreateDatabaseAsync("chain");
        await using var store = await PostgreSqlEvidence.OpenAsync(connectionString);
        await store.AppendAsync([Outcome("a")], AppendDurability.Durable);

        var error = await Assert.ThrowsAsync<PostgresException>(() => RawPostgres.ExecuteAsync(
            connectionString, "INSERT INTO policyaudit.evidence VALUES (5, 'outcome', 'z', 0, '{}', 'x', 'y')"));

        Assert.Contains("must follow the newest", error.MessageText, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task OpenAsync_NewerSchemaVersion_ThrowsNamingTheVersions()
    {
        var connectionString = await server.CreateDatabaseAsync("future");
        await (await PostgreSqlEvidence.OpenAsync(connectionString)).DisposeAsync();
        await RawPostgres.ExecuteAsync(connectionString, $"UPDATE policyaudit.schema_version SET version = {PostgreSqlEvidence.SchemaVersion + 1}");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => PostgreSqlEvidence.OpenAsync(connectionString));

        Assert.Contains($"schema version {PostgreSqlEvidence.SchemaVersion + 1}", error.Message, StringComparison.Ordinal);
        Assert.Contains("newer PolicyAudit", error.Message, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{server.Port}/", error.Message, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task OpenAsync_ForeignEvidenceTable_ThrowsNotAStore()
    {
        var connectionString = await server.CreateDatabaseAsync("foreign");
        await RawPostgres.ExecuteAsync(connectionString, "CREATE SCHEMA policyaudit; CREATE TABLE policyaudit.evidence (x int);");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => PostgreSqlEvidence.OpenAsync(connectionString));

        Assert.Contains("not a PolicyAudit evidence store", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_MalformedConnectionString_ThrowsWithoutEchoingIt()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => PostgreSqlEvidence.OpenAsync("Host=db;Password=s3cret;Bogus Key=1"));

        Assert.Contains("malformed", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", error.Message, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task AppendAsync_TwoInstancesOnOneDatabase_InterleaveIntoOneValidChain()
    {
        // Two stores have separate pools and writer gates, exactly as two app instances would: only the advisory
        // lock and the head read after it keep the chain whole.
        var connectionString = await server.CreateDatabaseAsync("instances");
        await using var first = await PostgreSqlEvidence.OpenAsync(connectionString);
        await using var second = await PostgreSqlEvidence.OpenAsync(connectionString);

        await Task.WhenAll(new[] { first, second }.SelectMany((store, s) => Enumerable.Range(0, 2).Select(t => Task.Run(async () =>
        {
            for (var i = 0; i < 50; i++)
            {
                await store.AppendAsync([Outcome($"s{s}-t{t}-{i}-a"), Outcome($"s{s}-t{t}-{i}-b")], i % 2 == 0 ? AppendDurability.Durable : AppendDurability.Batched);
            }
        }))));
        var verification = await second.VerifyAsync();

        Assert.True(verification.IsValid, verification.ToString());
        Assert.Equal(400, verification.RecordsChecked);
    }

    [PostgresFact]
    public async Task AppendAsync_DuplicateFromAnotherInstance_IsRefusedAndWritesNothing()
    {
        var connectionString = await server.CreateDatabaseAsync("duplicates");
        await using var first = await PostgreSqlEvidence.OpenAsync(connectionString);
        await using var second = await PostgreSqlEvidence.OpenAsync(connectionString);
        await first.AppendAsync([Outcome("same")], AppendDurability.Durable);

        var error = await Assert.ThrowsAsync<DuplicateEvidenceException>(() => second.AppendAsync([Outcome("other"), Outcome("same")], AppendDurability.Durable));

        Assert.Equal("same", error.Id);
        Assert.Equal(1, (await second.GetHeadAsync())!.Sequence);
    }

    [PostgresFact]
    public async Task ReadAsync_PayloadNoLongerJson_ThrowsNamingTheRecord()
    {
        var connectionString = await server.CreateDatabaseAsync("garbage");
        await using var store = await PostgreSqlEvidence.OpenAsync(connectionString);
        await store.AppendAsync([Outcome("a"), Outcome("b")], AppendDurability.Durable);
        await RawPostgres.TamperAsync(connectionString, "UPDATE policyaudit.evidence SET payload = 'garbage' WHERE sequence = 2");

        var error = await Assert.ThrowsAsync<InvalidDataException>(async () =>
        {
            await foreach (var _ in store.ReadAsync(EvidenceWindow.All))
            {
            }
        });

        Assert.Contains("Record 2", error.Message, StringComparison.Ordinal);
    }

    private static OutcomeRecord Outcome(string id) => new() { Id = id, At = Noon, DecisionId = "dec-" + id, Outcome = OutcomeKind.None };
}
