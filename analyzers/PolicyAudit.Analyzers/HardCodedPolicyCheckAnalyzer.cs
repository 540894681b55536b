using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PolicyAudit.Analyzers.Checks;
using PolicyAudit.Analyzers.Governance;

namespace PolicyAudit.Analyzers;

/// <summary>
/// PA0001: code outside a policy that decides on a governed member — a comparison, pattern, switch arm, condition,
/// LINQ predicate or FluentValidation rule — decides the case without the engine, so its exceptions never reach
/// the evidence log.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HardCodedPolicyCheckAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property naming how the code fix may rewrite the flagged code.</summary>
    public const string FixKindProperty = "FixKind";

    /// <summary>The flagged code is a whole boolean condition that asking the engine can replace.</summary>
    public const string ConditionFix = "Condition";

    /// <summary>Diagnostic property holding the id of the policy the flagged code hard-codes.</summary>
    public const string PolicyIdProperty = "PolicyId";

    /// <summary>Diagnostic property set when the facts to give the engine are <c>this</c>.</summary>
    public const string FactsIsThisProperty = "FactsIsThis";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.HardCodedPolicyCheck);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var types = PolicyAuditTypes.Create(start.Compilation);
            if (types.Policy is null && types.GovernedByAttribute is null)
            {
                return;
            }

            var catalog = new Lazy<GovernanceCatalog>(
                () => GovernanceCatalog.Create(start.Compilation, types, start.Options.AdditionalFiles, start.CancellationToken),
                isThreadSafe: true);
            var carried = new Lazy<CarriedValues>(
                () => CarriedValues.Build(start.Compilation, catalog.Value, types.IsInsideRuleDefinition, start.CancellationToken),
                isThreadSafe: true);
            var finder = new PolicyCheckFinder(types, catalog, carried);
            start.RegisterOperationAction(finder.AnalyzeBinary, OperationKind.Binary);
            start.RegisterOperationAction(finder.AnalyzeInvocation, OperationKind.Invocation);
            start.RegisterOperationAction(finder.AnalyzeIsPattern, OperationKind.IsPattern);
            start.RegisterOperationAction(finder.AnalyzeSwitchExpression, OperationKind.SwitchExpression);
            start.RegisterOperationAction(finder.AnalyzeSwitchStatement, OperationKind.Switch);
            start.RegisterOperationAction(finder.AnalyzeConditional, OperationKind.Conditional, OperationKind.Loop);
            start.RegisterOperationAction(finder.AnalyzeReturn, OperationKind.Return);
            start.RegisterOperationAction(finder.AnalyzeCatchFilter, OperationKind.CatchClause);
            start.RegisterOperationAction(finder.AnalyzeLambda, OperationKind.AnonymousFunction);
        });
    }
}
