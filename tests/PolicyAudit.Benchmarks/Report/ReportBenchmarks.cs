using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;

namespace PolicyAudit.Benchmarks.Report;

/// <summary>
/// Report family: the review (<see cref="EvidenceReview"/>) of 100,000 and 1,000,000 evidence events in a SQLite
/// store, against a pass that only reads the same events through the same store and counts them. Target: at most 3x
/// the counting pass, and memory that does not grow with the number of events: the setup prints the live heap (after
/// a full collection) at its highest during each pass, which is what a review retains.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Report")]
public class ReportBenchmarks
{
    private IEvidenceStore _store = null!;

    [Params(100_000, 1_000_000)]
    public int Events { get; set; }

    // Synchronous, because not every BenchmarkDotNet toolchain awaits an asynchronous setup.
    [GlobalSetup(Target = nameof(CountingPass))]
    public void Setup() => SetupAsync(probeHeap: false).GetAwaiter().GetResult();

    // The heap probe reads everything twice more, so it runs once per size, before the review's measurements.
    [GlobalSetup(Target = nameof(RunReview))]
    public void SetupAndProbe() => SetupAsync(probeHeap: true).GetAwaiter().GetResult();

    private async Task SetupAsync(bool probeHeap)
    {
        _store = await SqliteEvidence.OpenAsync(await EvidenceFile.EnsureAsync(Events));
        if (probeHeap)
        {
            var counted = await Count();
            if (counted != Events)
            {
                throw new InvalidOperationException($"The evidence file holds {counted:N0} events, not {Events:N0}; delete it to regenerate.");
            }

            Console.WriteLine(await LiveHeapProbe.DescribeAsync(_store, Events));
        }
    }

    [GlobalCleanup]
    public void Cleanup() => CleanupAsync().GetAwaiter().GetResult();

    private async Task CleanupAsync()
    {
        await _store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Console.WriteLine($"// peak working set of this process: {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MB");
    }

    [Benchmark(Baseline = true, Description = "read and count")]
    public Task<long> CountingPass() => Count();

    [Benchmark(Description = "EvidenceReview")]
    public Task<Review> RunReview() => EvidenceReview.RunAsync(_store, EvidenceWindow.All);

    private async Task<long> Count()
    {
        long count = 0;
        await foreach (var _ in _store.ReadAsync(EvidenceWindow.All))
        {
            count++;
        }

        return count;
    }
}
