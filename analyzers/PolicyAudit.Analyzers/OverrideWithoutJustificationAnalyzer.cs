using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace PolicyAudit.Analyzers;

/// <summary>PA0003: <c>IOverrideRecorder.OverrideAsync</c> is given an empty, blank or placeholder justification.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class OverrideWithoutJustificationAnalyzer : DiagnosticAnalyzer
{
    private const string JustificationParameterName = "justification";

    /// <summary>Justifications that say nothing; compared trimmed and case-insensitively.</summary>
    private static readonly HashSet<string> Placeholders = new(StringComparer.OrdinalIgnoreCase)
    {
        "todo", "tbd", "tba", "fixme", "xxx", "x", "n/a", "na", "none", "nothing", "null", "test", "testing",
        "placeholder", "override", "overridden", "ok", "okay", "yes", "no", "because", "reason", "justification",
        "no reason", "see above", "asdf", "qwerty", "lorem ipsum", "foo", "bar", "-", "--", ".", "...", "?", "!",
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

    /// <summary>True for null, blank text, punctuation only, or a well-known placeholder word.</summary>
    internal static bool IsEmptyOrPlaceholder(string? justification)
    {
        if (justification is null)
        {
            return true;
        }

        var trimmed = justification.Trim();
        if (trimmed.Length == 0 || Placeholders.Contains(trimmed))
        {
            return true;
        }

        foreach (var character in trimmed)
        {
            if (char.IsLetterOrDigit(character))
            {
                return false;
            }
        }

        return true;
    }
}
