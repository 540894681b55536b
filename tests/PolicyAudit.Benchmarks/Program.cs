using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

// Every family of issue 7 (Decision, Engine, Override, Report, Analyzer), each against a baseline measured in the
// same run. `-- --list flat` lists them; `-- --filter *Decision*` runs one family; `-- --job short` for a quick run.
// `-- --allocations` prints where a decision's allocation goes.
// Building the generated benchmark project takes minutes on a busy two-core machine: allow it.
if (args is ["--allocations"])
{
    // Not a benchmark: a per-step allocation profile of a decision (see Shared/AllocationBreakdown.cs).
    PolicyAudit.Benchmarks.Shared.AllocationBreakdown.Print();
    return;
}

var config = ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(15));
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
