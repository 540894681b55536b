using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PolicyAudit.Analyzers.Governance;

namespace PolicyAudit.Analyzers;

/// <summary>
/// PA0004: a policy id written in <c>[GovernedBy]</c>, in <c>PolicyAudit.Governed.txt</c> or passed to any
/// PolicyAudit API's <c>policyId</c> parameter that no policy in the compilation or its references declares.
/// Silent while no policy at all is visible (a domain project below the Policies project cannot know the ids).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnknownPolicyIdAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property holding the closest declared id, when there is one.</summary>
    public const string SuggestionProperty = "Suggestion";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.UnknownPolicyId);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var types = PolicyAuditTypes.Create(start.Compilation);
            if (types.PolicyAttribute is null)
            {
                return;
            }

            var catalog = new Lazy<PolicyCatalog>(
                () => PolicyCatalog.Create(start.Compilation, types, start.CancellationToken),
                isThreadSafe: true);

            start.RegisterSyntaxNodeAction(c => AnalyzeAttribute(c, catalog), SyntaxKind.Attribute);
            start.RegisterOperationAction(
                c => AnalyzeArguments(c, ((IInvocationOperation)c.Operation).TargetMethod, ((IInvocationOperation)c.Operation).Arguments, catalog),
                OperationKind.Invocation);
            start.RegisterOperationAction(
                c =>
                {
                    // Newer compilers also expose attribute applications as object creations; those are analyzed
                    // once, from syntax, so that every compiler since 4.8 reports them the same way.
                    var creation = (IObjectCreationOperation)c.Operation;
                    if (creation.Syntax is not AttributeSyntax)
                    {
                        AnalyzeArguments(c, creation.Constructor, creation.Arguments, catalog);
                    }
                },
                OperationKind.ObjectCreation);
            start.RegisterAdditionalFileAction(c =>
            {
                if (!GovernedListFile.IsGovernedList(c.AdditionalFile))
                {
                    return;
                }

                foreach (var entry in GovernedListFile.Parse(c.AdditionalFile, c.CancellationToken))
                {
                    var diagnostic = Check(entry.PolicyId, entry.PolicyIdLocation, catalog.Value);
                    if (diagnostic is not null)
                    {
                        c.ReportDiagnostic(diagnostic);
                    }
                }
            });
        });
    }

    private static void AnalyzeAttribute(SyntaxNodeAnalysisContext context, Lazy<PolicyCatalog> catalog)
    {
        var attribute = (AttributeSyntax)context.Node;
        if (attribute.ArgumentList is null || attribute.ArgumentList.Arguments.Count == 0
            || context.SemanticModel.GetSymbolInfo(attribute, context.CancellationToken).Symbol is not IMethodSymbol constructor
            || !PolicyAuditTypes.IsInPolicyAuditNamespace(constructor.ContainingType))
        {
            return;
        }

        var arguments = attribute.ArgumentList.Arguments;
        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            if (argument.NameEquals is not null)
            {
                continue;
            }

            IParameterSymbol? parameter = null;
            if (argument.NameColon is not null)
            {
                foreach (var candidate in constructor.Parameters)
                {
                    if (candidate.Name == argument.NameColon.Name.Identifier.ValueText)
                    {
                        parameter = candidate;
                    }
                }
            }
            else if (i < constructor.Parameters.Length)
            {
                parameter = constructor.Parameters[i];
            }

            if (IsPolicyIdParameter(parameter)
                && context.SemanticModel.GetConstantValue(argument.Expression, context.CancellationToken) is { HasValue: true, Value: string id})
            {
                var diagnostic = Check(id, argument.Expression.GetLocation(), catalog.Value);
                if (diagnostic is not null)
                {
                    context.ReportDiagnostic(diagnostic);
                }
            }
        }
    }

    private static void AnalyzeArguments(OperationAnalysisContext context, IMethodSymbol? method, ImmutableArray<IArgumentOperation> arguments, Lazy<PolicyCatalog> catalog)
    {
        if (method is null || !PolicyAuditTypes.IsInPolicyAuditNamespace(method.ContainingType))
        {
            return;
        }

        foreach (var argument in arguments)
        {
            if (IsPolicyIdParameter(argument.Parameter)
                && !argument.IsImplicit
                && argument.Value.ConstantValue is { HasValue: true, Value: string id })
            {
                var diagnostic = Check(id, argument.Value.Syntax.GetLocation(), catalog.Value);
                if (diagnostic is not null)
                {
                    context.ReportDiagnostic(diagnostic);
                }
            }
        }
    }

    private static bool IsPolicyIdParameter(IParameterSymbol? parameter) =>
        parameter is { Name: PolicyAuditTypes.PolicyIdParameterName, Type.SpecialType: SpecialType.System_String };

    private static Diagnostic? Check(string id, Location location, PolicyCatalog catalog)
    {
        if (catalog.Ids.Count == 0 || catalog.Ids.Contains(id))
        {
            return null;
        }

        var suggestion = PolicyIdSuggestion.FindClosest(id, catalog.Ids);
        var properties = suggestion is null
            ? ImmutableDictionary<string, string?>.Empty
            : ImmutableDictionary<string, string?>.Empty.Add(SuggestionProperty, suggestion);
        var hint = suggestion is null ? string.Empty : "; did you mean '" + suggestion + "'?";
        return Diagnostic.Create(DiagnosticDescriptors.UnknownPolicyId, location, properties, id, hint);
    }
}
