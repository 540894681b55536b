using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PolicyAudit.Analyzers.Tests.Infrastructure;

/// <summary>Runs every PolicyAudit analyzer over test source and compares what they report with the markup.</summary>
internal static class AnalyzerVerifier
{
    public static ImmutableArray<DiagnosticAnalyzer> AllAnalyzers { get; } =
    [
        new HardCodedPolicyCheckAnalyzer(),
        new DecisionIgnoredAnalyzer(),
        new OverrideWithoutJustificationAnalyzer(),
        new UnknownPolicyIdAnalyzer(),
        new GovernedListAnalyzer(),
        new UngovernedDeclarationAnalyzer(),
    ];

    /// <summary>
    /// Asserts that the analyzers report exactly the marked spans: <c>[|..|]</c> as <paramref name="ruleId"/>,
    /// <c>{|PA000N:..|}</c> as the named rule. Other source files are given unmarked.
    /// </summary>
    public static async Task<ImmutableArray<Diagnostic>> VerifyAsync(
        string ruleId,
        string markup,
        IEnumerable<string>? otherSources = null,
        IEnumerable<MetadataReference>? references = null,
        ImmutableArray<AdditionalText> additionalFiles = default,
        ImmutableDictionary<string, string>? editorConfig = null)
    {
        var parsed = TestMarkup.Parse(markup);
        var diagnostics = await RunAsync([parsed.Source, .. otherSources ?? []], references, additionalFiles, editorConfig: editorConfig);
        var expected = parsed.Spans
            .Select(s => $"{s.Id ?? ruleId} {s.Span} '{parsed.Source.Substring(s.Span.Start, s.Span.Length)}'")
            .Order(StringComparer.Ordinal)
            .ToList();
        var inMarkedFile = diagnostics
            .Where(d => d.Location.IsInSource && d.Location.SourceTree!.FilePath.EndsWith("File0.cs", StringComparison.Ordinal))
            .ToImmutableArray();
        var actual = inMarkedFile
            .Select(d => $"{d.Id} {d.Location.SourceSpan} '{parsed.Source.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length)}'")
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(
            expected.SequenceEqual(actual),
            "Expected:\n  " + string.Join("\n  ", expected) + "\nActual:\n  " + string.Join("\n  ", actual)
            + "\nMessages:\n  " + string.Join("\n  ", inMarkedFile.Select(d => d.GetMessage())));
        return inMarkedFile;
    }

    /// <summary>
    /// Compiles the sources (generator included) and returns every PolicyAudit diagnostic; fails the test when the
    /// source does not compile or an analyzer throws (its exception would otherwise vanish into an AD0001).
    /// </summary>
    public static async Task<ImmutableArray<Diagnostic>> RunAsync(
        IEnumerable<string> sources,
        IEnumerable<MetadataReference>? references = null,
        ImmutableArray<AdditionalText> additionalFiles = default,
        bool referencePolicyAudit = true,
        ImmutableDictionary<string, string>? editorConfig = null)
    {
        additionalFiles = additionalFiles.IsDefault ? [] : additionalFiles;
        var compilation = TestCompilations.Create("Host", sources, references, referencePolicyAudit);
        compilation = TestCompilations.RunGenerator(compilation, additionalFiles);
        return await AnalyzeAsync(compilation, additionalFiles, editorConfig);
    }

    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Compilation compilation, ImmutableArray<AdditionalText> additionalFiles, ImmutableDictionary<string, string>? editorConfig = null)
    {
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "Test source does not compile:\n" + string.Join("\n", errors));

        var exceptions = new ConcurrentQueue<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(additionalFiles, new TestAnalyzerConfigOptions(editorConfig ?? ImmutableDictionary<string, string>.Empty)),
            onAnalyzerException: (exception, analyzer, _) => exceptions.Enqueue(new InvalidOperationException($"{analyzer.GetType().Name} threw", exception)),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers(AllAnalyzers, options).GetAnalyzerDiagnosticsAsync();
        Assert.True(exceptions.IsEmpty, string.Join("\n", exceptions));
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics.Where(d => d.Id.StartsWith("PA", StringComparison.Ordinal)).ToImmutableArray();
    }
}
