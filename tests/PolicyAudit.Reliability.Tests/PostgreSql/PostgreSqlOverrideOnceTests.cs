using PolicyAudit.Tests.Shared;

namespace PolicyAudit.Reliability.Tests;

/// <summary>A decision is overridden at most once on PostgreSQL too, across app instances overriding at the same moment.</summary>
[Trait("Category", "Reliability")]
[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlOverrideOnceTests(PostgresServer server)
{
    [PostgresFact]
    public async Task OverrideAsync_ConcurrentAttemptsFromSeveralInstances_ExactlyOneLandsOthersRecordedAsRefused()
    {
        var connectionString = await server.CreateDatabaseAsync("override-once");

        await ConcurrentOverrides.AssertExactlyOneLandsAsync(() => PostgreSqlEvidence.OpenAsync(connectionString), instances: 3, attempts: 24);
    }
}
