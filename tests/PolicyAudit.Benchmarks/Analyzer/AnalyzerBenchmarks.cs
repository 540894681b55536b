using System.Collections.Immutable;
using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PolicyAudit.Benchmarks.Analyzer;

/// <summary>
/// Analyzer family: PolicyAudit.Analyzers over a generated application of 1,000 files through
/// <see cref="CompilationWithAnalyzers"/>, against an analyzer that registers nothing (the baseline) and against
/// Microsoft.CodeAnalysis.BannedApiAnalyzers on the same compilation. Each invocation analyses a fresh clone of the
/// compilation, so no bound method body is reused. Target: no slower than BannedApiAnalyzers.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Analyzer")]
public class AnalyzerBenchmarks
{
    private CSharpCompilation _compilation = null!;
    private AnalyzerOptions _options = null!;
    private ImmutableArray<DiagnosticAnalyzer> _empty;
    private ImmutableArray<DiagnosticAnalyzer> _policyAudit;
    private ImmutableArray<DiagnosticAnalyzer> _bannedApi;

    // Each case runs in a process of its own: set up only what it measures, and check that it finds what it should,
    // or the comparison would measure idle analyzers.
    [GlobalSetup(Target = nameof(Empty))]
    public void SetupEmpty()
    {
        Prepare();
        _empty = [new EmptyAnalyzer()];
    }

    [GlobalSetup(Target = nameof(PolicyAuditAnalyzers))]
    public void SetupPolicyAudit()
    {
        Prepare();
        _policyAudit = GeneratedProject.PolicyAuditAnalyzers();
        Check(_policyAudit, "PolicyAudit.Analyzers", "PA0001");
    }

    [GlobalSetup(Target = nameof(BannedApiAnalyzers))]
    public void SetupBannedApi()
    {
        Prepare();
        _bannedApi = GeneratedProject.BannedApiAnalyzers();
        Check(_bannedApi, "BannedApiAnalyzers", "RS0030");
    }

    [Benchmark(Baseline = true, Description = "empty analyzer")]
    public Task<int> Empty() => Count(_empty);

    [Benchmark(Description = "PolicyAudit.Analyzers")]
    public Task<int> PolicyAuditAnalyzers() => Count(_policyAudit);

    [Benchmark(Description = "BannedApiAnalyzers 5.6.0")]
    public Task<int> BannedApiAnalyzers() => Count(_bannedApi);

    private void Prepare()
    {
        _compilation = GeneratedProject.Compilation();
        _options = new AnalyzerOptions([new InMemoryAdditionalText("BannedSymbols.txt", GeneratedProject.BannedSymbols)]);
    }

    private void Check(ImmutableArray<DiagnosticAnalyzer> analyzers, string name, string expectedId)
    {
        var clock = Stopwatch.StartNew();
        var found = Analyze(analyzers).GetAwaiter().GetResult();
        Console.WriteLine($"// {_compilation.SyntaxTrees.Count()} files; {name} ({analyzers.Length} analyzers): {Describe(found)} in {clock.Elapsed.TotalSeconds:F1} s (first run)");
        if (!found.Any(d => d.Id == expectedId))
        {
            throw new InvalidOperationException($"{name} found no {expectedId} in the generated project, so the comparison would measure an idle analyzer.");
        }
    }

    private static string Describe(ImmutableArray<Diagnostic> diagnostics) =>
        string.Join(", ", diagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}"));

    private async Task<int> Count(ImmutableArray<DiagnosticAnalyzer> analyzers) => (await Analyze(analyzers)).Length;

    private Task<ImmutableArray<Diagnostic>> Analyze(ImmutableArray<DiagnosticAnalyzer> analyzers) =>
        _compilation.Clone()
            .WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(_options, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false))
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None);
}
