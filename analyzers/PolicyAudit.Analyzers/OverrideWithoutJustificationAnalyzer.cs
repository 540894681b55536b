using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace PolicyAudit.Analyzers;

/// <summary>PA0003: <c>IOverrideRecorder.OverrideAsync</c> is given an empty, blank or placeholder justification.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class OverrideWithoutJustificationAnalyzer : DiagnosticAnalyzer
{
    private const string JustificationParameterName = "justification";

    /// <summary>
    /// Justifications that say nothing, compared as the runtime does: ignoring case, spaces and punctuation
    /// (so "N/A" matches "na"). The runtime's default list, plus a few keyboard fillers.
    /// </summary>
    private static readonly HashSet<string> Placeholders = new(StringComparer.Ordinal)
    {
        "na", "none", "nothing", "ok", "okay", "override", "overridden", "overriding", "yes", "no", "x", "xx", "xxx",
        "test", "testing", "tbd", "tba", "todo", "fixme", "because", "reason", "justification", "managersaid",
        "customerasked", "asked", "requested", "exception", "fine", "whatever", "misc", "other", "seeabove", "same",
        "placeholder", "null", "asdf", "qwerty", "loremipsum", "foo", "bar", "noreason",
    };

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.OverrideWithoutJustification);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var types = PolicyAuditTypes.Create(start.Compilation);
            if (types.OverrideRecorder is null)
            {
                return;
            }

            start.RegisterOperationAction(
                operationContext =>
                {
                    var invocation = (IInvocationOperation)operationContext.Operation;
                    if (!PolicyAuditTypes.IsInterfaceMethodOrImplementation(invocation.TargetMethod, types.OverrideRecorder, "OverrideAsync"))
                    {
                        return;
                    }

                    foreach (var argument in invocation.Arguments)
                    {
                        if (argument.Parameter?.Name != JustificationParameterName)
                        {
                            continue;
                        }

                        string? shown = null;
                        if (argument.Value.ConstantValue.HasValue && IsEmptyOrPlaceholder(argument.Value.ConstantValue.Value as string))
                        {
                            shown = argument.Value.ConstantValue.Value is string text ? "\"" + text + "\"" : "null";
                        }
                        else if (IsStringEmpty(argument.Value))
                        {
                            shown = "string.Empty";
                        }

                        if (shown is not null)
                        {
                            operationContext.ReportDiagnostic(Diagnostic.Create(
                                DiagnosticDescriptors.OverrideWithoutJustification,
                                argument.Value.Syntax.GetLocation(),
                                shown));
                        }
                    }
                },
                OperationKind.Invocation);
        });
    }

    private static bool IsStringEmpty(IOperation value) =>
        value is IFieldReferenceOperation { Field: { Name: "Empty", IsStatic: true, ContainingType.SpecialType: SpecialType.System_String } };

    /// <summary>True for null, blank text, punctuation only, or a well-known placeholder.</summary>
    internal static bool IsEmptyOrPlaceholder(string? justification)
    {
        if (justification is null)
        {
            return true;
        }

        var letters = new StringBuilder(justification.Length);
        foreach (var character in justification)
        {
            if (char.IsLetterOrDigit(character))
            {
                letters.Append(char.ToLowerInvariant(character));
            }
        }

        return letters.Length == 0 || Placeholders.Contains(letters.ToString());
    }
}
