namespace PolicyAudit.Reliability.Tests;

[Trait("Category", "Reliability")]
public sealed class ConcurrencyTests(ITestOutputHelper output)
{
    [Fact]
    public async Task AppendOverride_Sqlite16ThreadsOf2000_EveryOverrideStoredOnceInOneValidChain()
    {
        const int threads = 16, perThread = 2_000;
        using var folder = new TemporaryFolder("concurrency");
        var path = folder.File("evidence.db");

        // Four store instances on one file, as four app instances would have: appends queue on each instance's gate
        // and on SQLite's write lock between them.
        var stores = new IEvidenceStore[4];
        for (var i = 0; i < stores.Length; i++)
        {
            stores[i] = await SqliteEvidence.OpenAsync(path);
        }

        var receipts = new AppenderProcess.Receipt[threads][];
        var at = DateTimeOffset.UtcNow;
        await Task.WhenAll(Enumerable.Range(0, threads).Select(thread => Task.Run(async () =>
        {
            var store = stores[thread % stores.Length];
            var mine = new AppenderProcess.Receipt[perThread];
            for (var i = 0; i < perThread; i++)
            {
                var record = OverrideSample.Create($"t{thread}-{i}", at);
                var link = await store.AppendOverrideAsync(record);
                mine[i] = new AppenderProcess.Receipt(record.Id, link.Sequence, link.Hash);
            }

            receipts[thread] = mine;
        })));
        foreach (var store in stores)
        {
            await store.DisposeAsync();
        }

        await using var evidence = await SqliteEvidence.OpenAsync(path);
        var all = receipts.SelectMany(r => r).ToArray();
        var stored = await ChainAssertions.AcknowledgedAreStoredAsync(evidence, all, "sqlite 16x2000");
        Assert.Equal(threads * perThread, stored.Count);
        Assert.Equal(Enumerable.Range(1, threads * perThread).Select(i => (long)i), all.Select(r => r.Sequence).Order());
        output.WriteLine($"{stored.Count} overrides from {threads} threads, head {(await evidence.GetHeadAsync())}");
    }
}
