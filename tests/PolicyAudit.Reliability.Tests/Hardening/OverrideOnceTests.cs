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

        await ConcurrentOverrides.AssertExactlyOneLandsAsync(() => SqliteEvidence.OpenAsync(path), instances: 3, attempts: 24);
    }

    public void Dispose() => _folder.Dispose();
}
