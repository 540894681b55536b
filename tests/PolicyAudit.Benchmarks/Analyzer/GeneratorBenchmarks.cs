using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PolicyAudit.Analyzers.Governance;

namespace PolicyAudit.Benchmarks.Analyzer;

/// <summary>
/// Analyzer family, the source generator: <see cref="GovernedMemberGenerator"/> on the generated 1,000-file app, with
/// its 20 policies and without any, against a generator that registers nothing (the baseline), each in two ways:
/// a first run on a fresh compilation (a command-line build), and a run after an edit of one unrelated file with the
/// driver kept from a previous run (the IDE, or a warm build server). Targets (issue 15): without policies it costs
/// about nothing over the baseline; with policies the warm run costs at most 50 ms.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Analyzer")]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
[CategoriesColumn]
public class GeneratorBenchmarks
{
    private CSharpCompilation _compilation = null!;
    private GeneratorDriver _emptyWarm = null!;
    private GeneratorDriver _policyAuditWarm = null!;
    private SyntaxTree _edited = null!;
    private int _edit;

    [Params(true, false)]
    public bool WithPolicies { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _compilation = GeneratedProject.Sources(WithPolicies);
        _edited = _compilation.SyntaxTrees.Last();
        _emptyWarm = CSharpGeneratorDriver.Create(new EmptyGenerator()).RunGenerators(_compilation);
        _policyAuditWarm = CSharpGeneratorDriver.Create(new GovernedMemberGenerator()).RunGenerators(_compilation);

        // Measure a generator that does its work: with policies it must write their members, without it must write nothing.
        var written = _policyAuditWarm.GetRunResult().GeneratedTrees.Length;
        Console.WriteLine($"// {_compilation.SyntaxTrees.Count()} files, policies: {WithPolicies}; generated files: {written}");
        if (written != (WithPolicies ? 1 : 0))
        {
            throw new InvalidOperationException($"GovernedMemberGenerator wrote {written} files; expected {(WithPolicies ? 1 : 0)}.");
        }
    }

    [Benchmark(Baseline = true, Description = "empty generator, first run")]
    [BenchmarkCategory("FirstRun")]
    public int EmptyFirstRun() => FirstRun(new EmptyGenerator());

    [Benchmark(Description = "GovernedMemberGenerator, first run")]
    [BenchmarkCategory("FirstRun")]
    public int PolicyAuditFirstRun() => FirstRun(new GovernedMemberGenerator());

    [Benchmark(Baseline = true, Description = "empty generator, after an edit")]
    [BenchmarkCategory("AfterEdit")]
    public int EmptyAfterEdit() => AfterEdit(_emptyWarm);

    [Benchmark(Description = "GovernedMemberGenerator, after an edit")]
    [BenchmarkCategory("AfterEdit")]
    public int PolicyAuditAfterEdit() => AfterEdit(_policyAuditWarm);

    // A clone shares no bound state with the compilation the setup ran on, as a new build would not.
    private int FirstRun(IIncrementalGenerator generator) =>
        CSharpGeneratorDriver.Create(generator).RunGenerators(_compilation.Clone()).GetRunResult().GeneratedTrees.Length;

    /// <summary>An edit inside a method body of one desk, the kind of change typed in an IDE: no policy changes.</summary>
    private int AfterEdit(GeneratorDriver warm)
    {
        var text = _edited.ToString().Replace("return text.Length == 0", $"return text.Length == {++_edit % 2}", StringComparison.Ordinal);
        var edited = _compilation.ReplaceSyntaxTree(_edited, _edited.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(text)));
        return warm.RunGenerators(edited).GetRunResult().GeneratedTrees.Length;
    }
}
