using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using PolicyAudit.Benchmarks.Report;

namespace PolicyAudit.Benchmarks.History;

/// <summary>
/// History family on SQLite: <see cref="CustomerHistory.LoadAsync"/> (the store's customer query, by index) of one
/// guest in the Report family's generated evidence of 10,000 to 1,000,000 events, against the scan it replaced
/// (<see cref="ChainScanHistory"/>). Target: at most 5 ms at 1,000,000 events and at least 100x faster than the scan.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("History")]
public class SqliteHistoryBenchmarks
{
    private IEvidenceStore _store = null!;

    [Params(10_000, 100_000, 1_000_000)]
    public int Events { get; set; }

    // Synchronous, because not every BenchmarkDotNet toolchain awaits an asynchronous setup.
    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        _store = await SqliteEvidence.OpenAsync(await EvidenceFile.EnsureAsync(Events));
        await HistoryCase.CheckAgreementAsync(_store, Events, "SQLite");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.DisposeAsync().AsTask().GetAwaiter().GetResult();
        SqliteConnection.ClearAllPools();
    }

    [Benchmark(Baseline = true, Description = "scan of the chain (before)")]
    public Task<CustomerHistory> Scan() => ChainScanHistory.LoadAsync(_store, HistoryCase.Guest, HistoryCase.Window);

    [Benchmark(Description = "CustomerHistory.LoadAsync (index)")]
    public Task<CustomerHistory> Indexed() => CustomerHistory.LoadAsync(_store, HistoryCase.Guest, HistoryCase.Window);
}
