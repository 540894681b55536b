using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

// Every family of issue 7 (Decision, Engine, Override, Report, Analyzer), each against a baseline measured in the
// same run. `-- --list flat` lists them; `-- --filter *Decision*` runs one family; `-- --job short` for a quick run.
// `-- --allocations` prints where a decision's allocation goes; `-- --generate 1000000` writes an evidence file ahead;
// `-- --heap 1000000` prints the live heap a review of that file keeps (the Report family's probe, without BenchmarkDotNet);
// `-- --generator-steps` prints which source-generator steps run again after an edit, and their times.
// Building the generated benchmark project takes minutes on a busy two-core machine: allow it.
if (args is ["--allocations"])
{
    // Not a benchmark: a per-step allocation profile of a decision (see Shared/AllocationBreakdown.cs).
    PolicyAudit.Benchmarks.Shared.AllocationBreakdown.Print();
    return;
}

if (args is ["--generator-steps"])
{
    // Not a benchmark: the source generator's incremental steps after an edit (see Analyzer/GeneratorStepProfile.cs).
    Console.Write(PolicyAudit.Benchmarks.Analyzer.GeneratorStepProfile.Describe());
    return;
}

if (args is ["--generate", var size])
{
    // Not a benchmark: writes the Report and History families' evidence file of that many events into the temp
    // folder ahead of a run, because generating 1,000,000 events takes longer than an in-process benchmark allows.
    var events = int.TryParse(size, out var parsed) && parsed > 0
        ? parsed
        : throw new ArgumentException($"--generate expects a positive number of events, not '{size}'.");
    Console.WriteLine(await PolicyAudit.Benchmarks.Report.EvidenceFile.EnsureAsync(events));
    return;
}

if (args is ["--heap", var heapSize])
{
    // Not a benchmark: the Report family's live-heap probe over an evidence file written ahead (by --generate or an
    // earlier run), opened read-only so that a benchmark or a generation using the same file is not disturbed.
    var events = int.TryParse(heapSize, out var parsed) && parsed > 0
        ? parsed
        : throw new ArgumentException($"--heap expects a positive number of events, not '{heapSize}'.");
    var path = PolicyAudit.Benchmarks.Report.EvidenceFile.PathFor(events);
    if (!File.Exists(path))
    {
        throw new FileNotFoundException($"No evidence file of {events:N0} events yet: run --generate {events} first.", path);
    }

    await using var store = await PolicyAudit.SqliteEvidence.OpenReadOnlyAsync(path);
    Console.WriteLine(await PolicyAudit.Benchmarks.Report.LiveHeapProbe.DescribeAsync(store, events));
    return;
}

var config = ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(15));
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
