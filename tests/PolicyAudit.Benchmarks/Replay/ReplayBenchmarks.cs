using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using PolicyAudit.Benchmarks.Shared;
using Restaurant;
using Restaurant.Policies;
using Restaurant.Revisions;

namespace PolicyAudit.Benchmarks.Replay;

/// <summary>
/// Replay family: 100,000 recorded decisions of the Restaurant policies (stored with their facts in a SQLite store,
/// generated once into the temp folder) replayed against the running set with one policy revised, against the same
/// 100,000 requests evaluated through <see cref="IPolicyEngine.Evaluate"/> with nothing recorded (decisions go to a
/// store that discards them). Target: replay at most 3x the baseline, and a live heap during replay that does not
/// grow with the number of decisions replayed (printed by the setup).
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Replay")]
public class ReplayBenchmarks
{
    private const int Version = 1;

    private object[][] _requests = null!;
    private PolicyEngineHost _host = null!;
    private IEvidenceStore _store = null!;
    private ReplayCandidate _candidate = null!;

    [Params(100_000)]
    public int Decisions { get; set; }

    // Synchronous, because not every BenchmarkDotNet toolchain awaits an asynchronous setup.
    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        _requests = ReplayRequests.Generate(Decisions);
        _host = PolicyEngineHost.Start(RunningPolicies.Types);
        _store = await SqliteEvidence.OpenAsync(await EnsureStoreAsync());
        _candidate = ReplayCandidate.FromTypes(RunningPolicies.Types.Where(t => t != typeof(NoSeatingAfterTen)).Append(typeof(NoSeatingAfterTenUnlessCouple)));
        await PrintLiveHeapAsync();
    }

    [GlobalCleanup]
    public void Cleanup() => CleanupAsync().GetAwaiter().GetResult();

    private async Task CleanupAsync()
    {
        await _store.DisposeAsync();
        await _host.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }

    [Benchmark(Baseline = true, Description = "IPolicyEngine.Evaluate, nothing recorded")]
    public int Evaluate()
    {
        var denied = 0;
        foreach (var request in _requests)
        {
            denied += _host.Engine.Evaluate(request).IsAllowed ? 0 : 1;
        }

        return denied;
    }

    [Benchmark(Description = "EvidenceReplay from SQLite")]
    public Task<PolicyAudit.Replay> Replay() => EvidenceReplay.RunAsync(_store, EvidenceWindow.All, _candidate);

    // The decisions as the engine records them, facts and all; kept in the temp folder because BenchmarkDotNet runs
    // every case in a process of its own.
    private async Task<string> EnsureStoreAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), $"policyaudit-bench-replay-v{Version}-{Decisions}.db");
        if (File.Exists(path))
        {
            return path;
        }

        var building = path + ".building";
        foreach (var file in new[] { building, building + "-wal", building + "-shm" })
        {
            File.Delete(file);
        }

        var clock = Stopwatch.StartNew();
        var services = new ServiceCollection();
        services.AddPolicyAudit(o => o.AddRunningPolicies().DecisionBuffer(Decisions + 1_000).PseudonymKey(new byte[32])).UseSqlite(building);
        await using (var provider = services.BuildServiceProvider())
        {
            var engine = provider.GetRequiredService<IPolicyEngine>();
            foreach (var request in _requests)
            {
                engine.Evaluate(request);
            }

            await provider.GetRequiredService<IDecisionLog>().FlushAsync();
        }

        SqliteConnection.ClearAllPools();
        File.Move(building, path);
        Console.WriteLine($"// recorded {Decisions:N0} decisions with their facts into {path} in {clock.Elapsed.TotalSeconds:N0} s");
        return path;
    }

    // Samples the live heap every 25,000 records of a replay; the highest sample less the heap before is what the
    // replay keeps alive, which must not grow with the number of decisions.
    private async Task PrintLiveHeapAsync()
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var samples = new List<string>();
        long peak = 0;
        var replay = await EvidenceReplay.RunAsync(_store, EvidenceWindow.All, _candidate, progress: new SynchronousProgress(read =>
        {
            if (read % 25_000 == 0)
            {
                var live = GC.GetTotalMemory(forceFullCollection: true);
                peak = Math.Max(peak, live);
                samples.Add($"{read / 1000}k: +{(live - before) / 1024} KB");
            }
        }));
        Console.WriteLine($"// replayed {replay.Overall.Replayed:N0} of {replay.Decisions:N0} decisions, {replay.Overall.ChangedCount:N0} changed; live heap before {before / 1024} KB, during: {string.Join(", ", samples)}; peak +{(peak - before) / 1024} KB");
    }

    private sealed class SynchronousProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
