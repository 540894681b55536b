using BenchmarkDotNet.Running;

// Every family of issue 7 (Decision, Engine, Override, Report, Analyzer), each against a baseline measured in the
// same run. `-- --list flat` lists them; `-- --filter *Decision*` runs one family; `-- --job short` for a quick run.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
