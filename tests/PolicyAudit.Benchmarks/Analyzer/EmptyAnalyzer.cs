using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PolicyAudit.Benchmarks.Analyzer;

/// <summary>
/// An analyzer that registers nothing: what a compilation with analyzers costs before any analyzer does work (the
/// baseline of roslyn-analyzers' own performance tests).
/// </summary>
// It only ever runs inside the benchmark's own CompilationWithAnalyzers, never loaded by a compiler from this assembly.
#pragma warning disable RS1041, RS1036
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EmptyAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [];

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
    }
}
#pragma warning restore RS1041, RS1036
