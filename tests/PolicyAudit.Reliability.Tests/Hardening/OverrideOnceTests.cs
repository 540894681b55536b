namespace PolicyAudit.Reliability.Tests;

/// <summary>A decision is overridden at most once, even when staff on several app instances try at the same moment.</summary>
[Trait("Category", "Reliability")]
public sealed class OverrideOnceTests : IDisposable
{
    private readonly TemporaryFolder _folder = new("override-once");

    [Fact]
    public async Task OverrideAsync_ConcurrentAttemptsOnSqliteFromSeveralStores_ExactlyOneLandsOthersRecordedAsRefused()
    {
        var path = _folder.File("audit.db");
        var stores = new List<IEvidenceStore>();
        for (var i = 0; i < 3; i++)
        {
            stores.Add(await SqliteEvidence.OpenAsync(path));
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

    public void Dispose() => _folder.Dispose();
}
