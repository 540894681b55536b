using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using PolicyAudit.Analyzers.Governance;

namespace PolicyAudit.Benchmarks.Analyzer;

/// <summary>
/// Not a benchmark: which steps of <see cref="GovernedMemberGenerator"/> run again after the edit
/// <see cref="GeneratorBenchmarks"/> measures (one method body of one desk, driver kept), with the time Roslyn records
/// for each step, the process CPU time of the run and how many policies were bound again. It shows where a warm run's
/// time goes, which the benchmark's single figure does not.
/// </summary>
internal static class GeneratorStepProfile
{
    private const int Edits = 5;

    public static string Describe()
    {
        var compilation = GeneratedProject.Sources(withPolicies: true);
        var edited = compilation.SyntaxTrees.Last();
        var generator = new GovernedMemberGenerator();
        var driver = CSharpGeneratorDriver.Create(
                [generator.AsSourceGenerator()],
                driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true))
            .RunGenerators(compilation);
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"{compilation.SyntaxTrees.Count()} files; first run bound {generator.PolicyBindings} policies.");

        // Several edits, so that the last one is measured with the JIT and the compiler's caches warm; each from the
        // first run's driver, as the benchmark does.
        for (var edit = 1; edit <= Edits; edit++)
        {
            var text = edited.ToString().Replace("return text.Length == 0", $"return text.Length == {edit}", StringComparison.Ordinal);
            var next = compilation.ReplaceSyntaxTree(edited, edited.WithChangedText(SourceText.From(text)));
            var bindings = generator.PolicyBindings;
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var result = driver.RunGenerators(next).GetRunResult().Results.Single();
            var elapsed = clock.Elapsed;
            var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            if (edit < Edits)
            {
                continue;
            }

            report.AppendLine(CultureInfo.InvariantCulture,
                $"After edit {edit}: {elapsed.TotalMilliseconds:F1} ms wall, {cpuUsed.TotalMilliseconds:F1} ms process CPU, {generator.PolicyBindings - bindings} policies bound again.");
            foreach (var (name, runs) in result.TrackedSteps.OrderBy(step => step.Key, StringComparer.Ordinal))
            {
                var reasons = runs.SelectMany(run => run.Outputs).GroupBy(output => output.Reason).Select(group => $"{group.Key} {group.Count()}");
                report.AppendLine(CultureInfo.InvariantCulture,
                    $"  {name}: {runs.Length} runs, {runs.Sum(run => run.ElapsedTime.TotalMilliseconds):F1} ms, {string.Join(", ", reasons)}");
            }
        }

        return report.ToString();
    }
}
