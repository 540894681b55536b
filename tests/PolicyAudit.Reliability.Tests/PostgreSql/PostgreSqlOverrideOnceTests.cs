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
        var stores = new List<IEvidenceStore>();
        for (var i = 0; i < 3; i++)
        {
            stores.Add(await PostgreSqlEvidence.OpenAsync(connectionString));
        }

        try
        {
            var outcomes = await ConcurrentOverrides.RunAsync(stores, attempts: 24);

            await ConcurrentOverrides.AssertExactlyOneAsync(stores[0], outcomes);
        }
        finally
        {
            foreach (var store in stores)
            {
                await store.DisposeAsync();
            }
        }
    }
}
