using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PolicyAudit.Analyzers.Governance;

namespace PolicyAudit.Analyzers;

/// <summary>
/// PA0001: a comparison, pattern, switch arm or LINQ predicate over a governed member outside a policy decides the
/// case without the engine, so its exceptions never reach the evidence log.
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

    private static readonly Regex Whitespace = new(@"\s+", RegexOptions.Compiled);

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
            var linqTypes = new[]
            {
                start.Compilation.GetTypeByMetadataName("System.Linq.Enumerable"),
                start.Compilation.GetTypeByMetadataName("System.Linq.Queryable"),
            }.Where(t => t is not null).ToImmutableArray();

            var analysis = new Analysis(types, catalog, linqTypes!);
            start.RegisterOperationAction(analysis.AnalyzeBinary, OperationKind.Binary);
            start.RegisterOperationAction(analysis.AnalyzeIsPattern, OperationKind.IsPattern);
            start.RegisterOperationAction(analysis.AnalyzeSwitchExpression, OperationKind.SwitchExpression);
            start.RegisterOperationAction(analysis.AnalyzeSwitchStatement, OperationKind.Switch);
            start.RegisterOperationAction(analysis.AnalyzeLambda, OperationKind.AnonymousFunction);
        });
    }

    private sealed class Analysis
    {
        private readonly PolicyAuditTypes _types;
        private readonly Lazy<GovernanceCatalog> _catalog;
        private readonly ImmutableArray<INamedTypeSymbol> _linqTypes;

        public Analysis(PolicyAuditTypes types, Lazy<GovernanceCatalog> catalog, ImmutableArray<INamedTypeSymbol> linqTypes)
        {
            _types = types;
            _catalog = catalog;
            _linqTypes = linqTypes;
        }

        public void AnalyzeBinary(OperationAnalysisContext context)
        {
            var binary = (IBinaryOperation)context.Operation;
            if (!IsComparison(binary.OperatorKind) || _types.IsInsidePolicyDefinition(context.ContainingSymbol))
            {
                return;
            }

            if (Check(binary.LeftOperand, binary.RightOperand, out var operand, out var policy)
                || Check(binary.RightOperand, binary.LeftOperand, out operand, out policy))
            {
                Report(context, binary.Syntax, binary.Syntax.ToString(), policy!, operand, fixable: true);
            }
        }

        public void AnalyzeIsPattern(OperationAnalysisContext context)
        {
            var isPattern = (IIsPatternOperation)context.Operation;
            if (_types.IsInsidePolicyDefinition(context.ContainingSymbol))
            {
                return;
            }

            var direct = GovernedPolicy(isPattern.Value, out var operand);
            if (direct is not null && PatternDecides(isPattern.Pattern))
            {
                Report(context, isPattern.Syntax, isPattern.Syntax.ToString(), direct, operand, fixable: true);
                return;
            }

            var nested = FindSubpatternPolicy(isPattern.Pattern);
            if (nested is not null)
            {
                Report(context, isPattern.Syntax, isPattern.Syntax.ToString(), nested, null, fixable: false);
            }
        }

        public void AnalyzeSwitchExpression(OperationAnalysisContext context)
        {
            var switchExpression = (ISwitchExpressionOperation)context.Operation;
            if (_types.IsInsidePolicyDefinition(context.ContainingSymbol))
            {
                return;
            }

            var governing = GovernedPolicy(switchExpression.Value, out _);
            foreach (var arm in switchExpression.Arms)
            {
                var policy = governing is not null && PatternDecides(arm.Pattern) ? governing : FindSubpatternPolicy(arm.Pattern);
                if (policy is not null)
                {
                    var text = switchExpression.Value.Syntax + " is " + arm.Pattern.Syntax;
                    Report(context, arm.Pattern.Syntax, text, policy, null, fixable: false);
                }
            }
        }

        public void AnalyzeSwitchStatement(OperationAnalysisContext context)
        {
            var switchStatement = (ISwitchOperation)context.Operation;
            if (_types.IsInsidePolicyDefinition(context.ContainingSymbol))
            {
                return;
            }

            var governing = GovernedPolicy(switchStatement.Value, out _);
            foreach (var clause in switchStatement.Cases.SelectMany(c => c.Clauses))
            {
                string? policy = null;
                SyntaxNode? flagged = null;
                switch (clause)
                {
                    case IPatternCaseClauseOperation patternClause:
                        policy = governing is not null && PatternDecides(patternClause.Pattern) ? governing : FindSubpatternPolicy(patternClause.Pattern);
                        flagged = patternClause.Pattern.Syntax;
                        break;
                    case ISingleValueCaseClauseOperation valueClause when governing is not null && !IsGuard(valueClause.Value):
                        policy = governing;
                        flagged = valueClause.Value.Syntax;
                        break;
                }

                if (policy is not null && flagged is not null)
                {
                    Report(context, flagged, switchStatement.Value.Syntax + " is " + flagged, policy, null, fixable: false);
                }
            }
        }

        /// <summary>A LINQ predicate that is just a governed flag: <c>orders.Where(o => o.IsVip)</c>.</summary>
        public void AnalyzeLambda(OperationAnalysisContext context)
        {
            var lambda = (IAnonymousFunctionOperation)context.Operation;
            if (!IsLinqArgument(lambda) || _types.IsInsidePolicyDefinition(context.ContainingSymbol))
            {
                return;
            }

            var returned = lambda.Body.Operations.Length == 1 && lambda.Body.Operations[0] is IReturnOperation { ReturnedValue: { } value } ? value : null;
            returned = GovernedOperand.Unwrap(returned);
            if (returned is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not)
            {
                returned = not.Operand;
            }

            if (returned?.Type?.SpecialType != SpecialType.System_Boolean)
            {
                return;
            }

            var policy = GovernedPolicy(returned, out _);
            if (policy is not null)
            {
                Report(context, lambda.Syntax, lambda.Syntax.ToString(), policy, null, fixable: false);
            }
        }

        private bool IsLinqArgument(IAnonymousFunctionOperation lambda)
        {
            IOperation? current = lambda.Parent;
            while (current is IDelegateCreationOperation or IConversionOperation)
            {
                current = current.Parent;
            }

            return current is IArgumentOperation { Parent: IInvocationOperation invocation }
                && _linqTypes.Any(t => SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, t));
        }

        private bool Check(IOperation candidate, IOperation other, out GovernedOperand? operand, out string? policy)
        {
            policy = GovernedPolicy(candidate, out operand);
            return policy is not null && !IsGuard(other);
        }

        private string? GovernedPolicy(IOperation? operation, out GovernedOperand? operand)
        {
            operand = GovernedOperand.From(operation);
            return operand is { } found ? _catalog.Value.GetGoverningPolicy(found.Member) : null;
        }

        /// <summary>The id of the policy governing a member tested by a property subpattern, at any depth.</summary>
        private string? FindSubpatternPolicy(IPatternOperation pattern)
        {
            switch (pattern)
            {
                case IRecursivePatternOperation recursive:
                    foreach (var subpattern in recursive.PropertySubpatterns)
                    {
                        var policy = GovernedPolicy(subpattern.Member, out _);
                        if (policy is not null && PatternDecides(subpattern.Pattern))
                        {
                            return policy;
                        }

                        policy = FindSubpatternPolicy(subpattern.Pattern);
                        if (policy is not null)
                        {
                            return policy;
                        }
                    }

                    return null;
                case IBinaryPatternOperation binary:
                    return FindSubpatternPolicy(binary.LeftPattern) ?? FindSubpatternPolicy(binary.RightPattern);
                case INegatedPatternOperation negated:
                    return FindSubpatternPolicy(negated.Pattern);
                default:
                    return null;
            }
        }

        /// <summary>True when the pattern decides on the value itself rather than guarding against null, zero or default.</summary>
        private static bool PatternDecides(IPatternOperation pattern) => pattern switch
        {
            IRelationalPatternOperation relational => !IsGuard(relational.Value),
            IConstantPatternOperation constant => !IsGuard(constant.Value),
            IBinaryPatternOperation binary => PatternDecides(binary.LeftPattern) || PatternDecides(binary.RightPattern),
            INegatedPatternOperation negated => PatternDecides(negated.Pattern),
            _ => false,
        };

        /// <summary>Comparisons with 0, null or default are guards, not policy: they appear in every codebase.</summary>
        private static bool IsGuard(IOperation operation)
        {
            var unwrapped = operation;
            while (unwrapped is IConversionOperation conversion)
            {
                unwrapped = conversion.Operand;
            }

            if (unwrapped is IDefaultValueOperation)
            {
                return true;
            }

            if (!unwrapped.ConstantValue.HasValue)
            {
                return false;
            }

            var value = unwrapped.ConstantValue.Value;
            if (value is null)
            {
                return true;
            }

            if (unwrapped.Type?.TypeKind == TypeKind.Enum)
            {
                return false;
            }

            return value switch
            {
                int i => i == 0,
                long l => l == 0,
                uint ui => ui == 0,
                ulong ul => ul == 0,
                short s => s == 0,
                ushort us => us == 0,
                byte b => b == 0,
                sbyte sb => sb == 0,
                double d => d == 0,
                float f => f == 0,
                decimal m => m == 0,
                _ => false,
            };
        }

        private static bool IsComparison(BinaryOperatorKind kind) => kind is BinaryOperatorKind.Equals
            or BinaryOperatorKind.NotEquals
            or BinaryOperatorKind.LessThan
            or BinaryOperatorKind.LessThanOrEqual
            or BinaryOperatorKind.GreaterThan
            or BinaryOperatorKind.GreaterThanOrEqual;

        private static void Report(OperationAnalysisContext context, SyntaxNode flagged, string text, string policy, GovernedOperand? operand, bool fixable)
        {
            var properties = ImmutableDictionary<string, string?>.Empty.Add(PolicyIdProperty, policy);
            var additional = new List<Location>();
            if (fixable && operand is { } found && !found.Member.IsStatic && flagged.Parent is not null)
            {
                properties = properties.Add(FixKindProperty, ConditionFix);
                if (found.Instance is null || found.Instance is IInstanceReferenceOperation { IsImplicit: true } || found.Instance.Syntax is null)
                {
                    properties = properties.Add(FactsIsThisProperty, "true");
                }
                else
                {
                    additional.Add(found.Instance.Syntax.GetLocation());
                }
            }

            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.HardCodedPolicyCheck,
                flagged.GetLocation(),
                additional,
                properties,
                Whitespace.Replace(text, " "),
                policy));
        }
    }
}
