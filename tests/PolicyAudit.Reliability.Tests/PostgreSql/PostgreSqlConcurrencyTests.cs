using PolicyAudit.Tests.Shared;

namespace PolicyAudit.Reliability.Tests;

[Trait("Category", "Reliability")]
[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlConcurrencyTests(PostgresServer server, ITestOutputHelper output)
{
    [PostgresFact]
    public async Task OverrideAsync_PostgreSql4ProcessesOf4ThreadsOf1000_EveryOverrideStoredOnceInOneValidChain()
    {
        const int processes = 4, threads = 4, perThread = 1_000;
        var connectionString = await server.CreateDatabaseAsync("concurrency");

        var children = new List<AppenderProcess>();
        try
        {
            for (var p = 0; p < processes; p++)
            {
                children.Add(await AppenderProcess.StartAsync(connectionString, threads, perThread, $"process-{p}"));
            }

            var exits = await Task.WhenAll(children.Select(c => c.ReadToEndAsync()));
            for (var p = 0; p < processes; p++)
            {
                Assert.True(exits[p] == 0 && children[p].Receipts.Count == threads * perThread, $"process {p}: exit {exits[p]}, {children[p].Receipts.Count} receipts\n{children[p].Errors}");
            }

            var receipts = children.SelectMany(c => c.Receipts).ToArray();
            await using var store = await PostgreSqlEvidence.OpenAsync(connectionString);
            var stored = await ChainAssertions.AcknowledgedAreStoredAsync(store, receipts, "postgresql 4x4x1000");
            Assert.Equal(processes * threads * perThread, stored.Count);
            Assert.Equal(receipts.Length, receipts.Select(r => r.Sequence).Distinct().Count());
            output.WriteLine($"{stored.Count} overrides from {processes} processes x {threads} threads; chain of {(await store.GetHeadAsync())!.Sequence} records (with the decisions)");
        }
        finally
        {
            foreach (var child in children)
            {
                child.Dispose();
            }
        }
    }
}
