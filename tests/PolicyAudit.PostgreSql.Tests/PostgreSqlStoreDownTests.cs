using Npgsql;
using PolicyAudit.Tests.Shared;

namespace PolicyAudit.PostgreSql.Tests;

/// <summary>
/// The server goes away and comes back. The class has a server of its own (not the collection's), because its
/// tests stop it; xunit runs a class's tests one at a time, so they never stop it under each other.
/// </summary>
public sealed class PostgreSqlStoreDownTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 14, 12, 0, 0, TimeSpan.Zero);
    private readonly PostgresServer _server = server;

    [PostgresFact]
    public async Task AppendAsync_ServerDownThenBack_ThrowsWhileDownThenWorksWithoutReopening()
    {
        var connectionString = await _server.CreateDatabaseAsync("down");
        await using var store = await PostgreSqlEvidence.OpenAsync(connectionString);
        await store.AppendAsync([Outcome("before")], AppendDurability.Durable);
        await store.GetHeadAsync();

        await _server.StopAsync();
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => store.AppendOutcomeAsync(Outcome("while-down")));
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => store.GetHeadAsync());
        await _server.StartAsync();
        var after = await store.AppendOutcomeAsync(Outcome("after"));
        var verification = await store.VerifyAsync();
        var stored = await store.FindExistingAsync(EvidenceKind.Outcome, ["before", "while-down", "after"]);

        Assert.Equal(2, after.Sequence);
        Assert.True(verification.IsValid, verification.ToString());
        Assert.Equal(["after", "before"], stored.Order(StringComparer.Ordinal));
    }

    [PostgresFact]
    public async Task AppendAsync_ServerRestartedBetweenAppends_SucceedsOnStaleIdleConnections()
    {
        var connectionString = await _server.CreateDatabaseAsync("restart");
        await using var store = await PostgreSqlEvidence.OpenAsync(connectionString);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(i => store.AppendAsync([Outcome($"warm-{i}")], AppendDurability.Durable)));

        await _server.StopAsync();
        await _server.StartAsync();
        var link = await store.AppendOutcomeAsync(Outcome("after-restart"));

        Assert.Equal(5, link.Sequence);
        Assert.True((await store.VerifyAsync()).IsValid);
    }

    private static OutcomeRecord Outcome(string id) => new() { Id = id, At = Noon, DecisionId = "dec-" + id, Outcome = OutcomeKind.None };
}
