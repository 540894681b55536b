using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PolicyAudit.Analyzers.Governance;

namespace PolicyAudit.Analyzers;

/// <summary>
/// PA0005: a line of <c>PolicyAudit.Governed.txt</c> that is not <c>documentation-id;policy-id</c>, or whose id
/// names no property, field or method the compilation can see. Such a line is ignored, so say so where it is.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class GovernedListAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.InvalidGovernedListEntry);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (start.Compilation.GetTypeByMetadataName(PolicyAuditTypes.GovernedByAttributeMetadataName) is null)
            {
                return;
            }

            start.RegisterAdditionalFileAction(fileContext =>
            {
                if (!GovernedListFile.IsGovernedList(fileContext.AdditionalFile))
                {
                    return;
                }

                var malformed = new List<(string Line, Location Location)>();
                var entries = GovernedListFile.Read(fileContext.AdditionalFile, malformed, fileContext.CancellationToken);
                foreach (var (line, location) in malformed)
                {
                    fileContext.ReportDiagnostic(Diagnostic.Create(
                        DiagnosticDescriptors.InvalidGovernedListEntry,
                        location,
                        "'" + line + "' is not 'documentation-id;policy-id' (for example 'P:Shop.Order.DaysSincePurchase;refund-window')"));
                }

                foreach (var entry in entries)
                {
                    if (!NamesMember(entry.DocumentationId, start.Compilation))
                    {
                        fileContext.ReportDiagnostic(Diagnostic.Create(
                            DiagnosticDescriptors.InvalidGovernedListEntry,
                            entry.DocumentationIdLocation,
                            "'" + entry.DocumentationId + "' names no property, field or method of this compilation or its references"));
                    }
                }
            });
        });
    }

    private static bool NamesMember(string documentationId, Compilation compilation)
    {
        foreach (var symbol in DocumentationCommentId.GetSymbolsForDeclarationId(documentationId, compilation))
        {
            if (symbol is IPropertySymbol or IFieldSymbol or IMethodSymbol)
            {
                return true;
            }
        }

        return false;
    }
}
