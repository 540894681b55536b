using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace PolicyAudit.Analyzers;

/// <summary>PA0002: the <c>Decision</c> returned by <c>IPolicyEngine.Evaluate</c> is thrown away.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DecisionIgnoredAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.DecisionIgnored);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var types = PolicyAuditTypes.Create(start.Compilation);
            if (types.PolicyEngine is null || types.Decision is null)
            {
                return;
            }

            start.RegisterOperationAction(
                operationContext =>
                {
                    var invocation = (IInvocationOperation)operationContext.Operation;
                    if (PolicyAuditTypes.IsInterfaceMethodOrImplementation(invocation.TargetMethod, types.PolicyEngine, "Evaluate")
                        && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ReturnType, types.Decision)
                        && IsDiscarded(invocation))
                    {
                        operationContext.ReportDiagnostic(Diagnostic.Create(
                            DiagnosticDescriptors.DecisionIgnored,
                            invocation.Syntax.GetLocation(),
                            invocation.Syntax.ToString()));
                    }
                },
                OperationKind.Invocation);
        });
    }

    private static bool IsDiscarded(IOperation invocation)
    {
        var current = invocation;
        while (current.Parent is IConditionalAccessOperation conditional && conditional.WhenNotNull == current)
        {
            current = conditional;
        }

        return current.Parent switch
        {
            IExpressionStatementOperation => true,
            ISimpleAssignmentOperation { Target: IDiscardOperation } assignment => assignment.Value == current,
            _ => false,
        };
    }
}
