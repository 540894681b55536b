using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace PolicyAudit.Analyzers.Tests.Verifiers;

/// <summary>Every PolicyAudit analyzer, as the package brings them: tests run them all, as a build does.</summary>
internal static class PolicyAuditAnalyzers
{
    private static readonly ImmutableArray<DiagnosticDescriptor> Descriptors = Create<HardCodedPolicyCheckAnalyzer>()
        .SelectMany(analyzer => analyzer.SupportedDiagnostics)
        .ToImmutableArray();

    /// <summary>All the analyzers, <typeparamref name="TAnalyzer"/> first: its rule is what <c>[|...|]</c> markup means.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Create<TAnalyzer>()
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        ImmutableArray<DiagnosticAnalyzer> all =
        [
            new HardCodedPolicyCheckAnalyzer(),
            new DecisionIgnoredAnalyzer(),
            new OverrideWithoutJustificationAnalyzer(),
            new UnknownPolicyIdAnalyzer(),
            new GovernedListAnalyzer(),
            new UngovernedDeclarationAnalyzer(),
        ];
        return [new TAnalyzer(), .. all.Where(analyzer => analyzer is not TAnalyzer)];
    }

    /// <summary>An expected diagnostic of any PolicyAudit rule, with that rule's severity and message format.</summary>
    public static DiagnosticResult Diagnostic(string id) => new(Descriptors.Single(descriptor => descriptor.Id == id));
}
