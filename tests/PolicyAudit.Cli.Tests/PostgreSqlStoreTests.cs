using System.Text.Json;
using PolicyAudit.Tests.Shared;

namespace PolicyAudit.Cli.Tests;

public sealed class PostgreSqlStoreTests : IClassFixture<PostgresServer>
{
    private readonly PostgresServer _server;

    public PostgreSqlStoreTests(PostgresServer server) => _server = server;

    [PostgresFact]
    public async Task Commands_ConnectionString_ImportReportVerifyAgainstPostgreSql()
    {
        using var cli = new CliHarness();
        var store = await _server.CreateDatabaseAsync("cli");

        var import = await cli.RunAsync("import", "--store", store, cli.Write("policies.jsonl", CliHarness.PolicyLines), cli.Write("evidence.jsonl", CliHarness.EvidenceLines), cli.Write("pos.csv", CliHarness.PosExport));
        var again = await cli.RunAsync("import", "--store", store, cli.PathOf("evidence.jsonl"));
        var report = await cli.RunAsync("report", "--store", store, "--format", "json");
        var verify = await cli.RunAsync("verify", "--store", store);

        Assert.Equal(0, import.ExitCode);
        Assert.Equal(2, again.ExitCode);
        Assert.StartsWith($"{cli.PathOf("evidence.jsonl")}:1: decision 'd1' is already in the store", again.Error, StringComparison.Ordinal);
        Assert.Equal(0, report.ExitCode);
        using var json = JsonDocument.Parse(report.Out);
        Assert.Equal(2, json.RootElement.GetProperty("policies").GetArrayLength());
        Assert.Equal(0, verify.ExitCode);
        Assert.StartsWith("valid: 8 records", verify.Out, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task ReadCommands_DatabaseWithoutAStore_ExitTwoAndCreateNothing()
    {
        using var cli = new CliHarness();
        var store = await _server.CreateDatabaseAsync("cli-empty");

        var verify = await cli.RunAsync("verify", "--store", store);
        var report = await cli.RunAsync("report", "--store", store, "--format", "json");

        Assert.Equal(2, verify.ExitCode);
        Assert.Contains("holds no PolicyAudit evidence store", verify.Error, StringComparison.Ordinal);
        Assert.Equal(2, report.ExitCode);
        await using var connection = new Npgsql.NpgsqlConnection(store);
        await connection.OpenAsync();
        await using var schemas = new Npgsql.NpgsqlCommand("SELECT COUNT(*) FROM pg_namespace WHERE nspname = 'policyaudit'", connection);
        Assert.Equal(0L, await schemas.ExecuteScalarAsync());
    }

    [PostgresFact]
    public async Task OpenReadOnlyAsync_Append_ThrowsAndTheStoreStillReads()
    {
        var store = await _server.CreateDatabaseAsync("cli-readonly");
        await (await PostgreSqlEvidence.OpenAsync(store)).DisposeAsync();
        await using var reader = await PostgreSqlEvidence.OpenReadOnlyAsync(store);

        await Assert.ThrowsAsync<InvalidOperationException>(() => reader.AppendAsync(
            [new OutcomeRecord { Id = "o-1", At = DateTimeOffset.UtcNow, DecisionId = "d-1", Outcome = OutcomeKind.None }], AppendDurability.Durable));

        Assert.True((await reader.VerifyAsync()).IsValid);
        Assert.Null(await reader.GetHeadAsync());
    }

    [Fact]
    public void Describe_ConnectionString_HidesThePassword()
    {
        var name = StoreOpener.Describe("Host=db.example;Database=audit;Username=u;Password=secret");

        Assert.Equal("PostgreSQL store audit on db.example", name);
    }
}
