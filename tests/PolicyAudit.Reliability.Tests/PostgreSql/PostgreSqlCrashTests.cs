using PolicyAudit.Tests.Shared;

namespace PolicyAudit.Reliability.Tests;

[Trait("Category", "Reliability")]
[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlCrashTests(PostgresServer server, ITestOutputHelper output)
{
    [PostgresFact]
    public async Task AppendOverride_PostgreSqlAppenderKilledTwentyTimes_EveryAcknowledgedOverrideStoredAndChainValid()
    {
        var connectionString = await server.CreateDatabaseAsync("crash");

        var acknowledged = await CrashScenario.RunAsync(connectionString, () => PostgreSqlEvidence.OpenAsync(connectionString), Seed.Next(output));

        output.WriteLine($"{CrashScenario.Kills} kills, {acknowledged} acknowledged overrides, all stored");
    }
}
