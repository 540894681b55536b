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

    // Synchronous, because not every BenchmarkDotNet toolchain awaits an asynchronous setup.
    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        _compilation = GeneratedProject.Compilation();
        _options = new AnalyzerOptions([new InMemoryAdditionalText("BannedSymbols.txt", GeneratedProject.BannedSymbols)]);
        _empty = [new EmptyAnalyzer()];
        _policyAudit = GeneratedProject.PolicyAuditAnalyzers();
        _bannedApi = GeneratedProject.BannedApiAnalyzers();
        var clock = Stopwatch.StartNew();
        var policyAudit = await Analyze(_policyAudit);
        var policyAuditTime = clock.Elapsed;
        clock.Restart();
        var bannedApi = await Analyze(_bannedApi);
        Console.WriteLine($"// {_compilation.SyntaxTrees.Count()} files; PolicyAudit.Analyzers ({_policyAudit.Length} analyzers): {Describe(policyAudit)} in {policyAuditTime.TotalSeconds:F1} s (first run); BannedApiAnalyzers: {Describe(bannedApi)} in {clock.Elapsed.TotalSeconds:F1} s (first run)");
        if (!policyAudit.Any(d => d.Id == "PA0001") || bannedApi.IsEmpty)
        {
            throw new InvalidOperationException("Both analyzers must find their diagnostics in the generated project, or the comparison measures idle analyzers.");
        }
    }

    [Benchmark(Baseline = true, Description = "empty analyzer")]
    public Task<int> Empty() => Count(_empty);

    [Benchmark(Description = "PolicyAudit.Analyzers")]
    public Task<int> PolicyAuditAnalyzers() => Count(_policyAudit);

    [Benchmark(Description = "BannedApiAnalyzers 5.6.0")]
    public Task<int> BannedApiAnalyzers() => Count(_bannedApi);

    private static string Describe(ImmutableArray<Diagnostic> diagnostics) =>
        string.Join(", ", diagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}"));

    private async Task<int> Count(ImmutableArray<DiagnosticAnalyzer> analyzers) => (await Analyze(analyzers)).Length;

    private Task<ImmutableArray<Diagnostic>> Analyze(ImmutableArray<DiagnosticAnalyzer> analyzers) =>
        _compilation.Clone()
            .WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(_options, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false))
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None);
}
