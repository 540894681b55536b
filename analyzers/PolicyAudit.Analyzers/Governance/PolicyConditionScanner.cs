using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PolicyAudit.Analyzers.Governance;

/// <summary>
/// Finds the members a policy's conditions read: every property, field or method of a domain type referenced
/// inside a lambda passed to <c>Match</c>, <c>Not</c>, <c>Exists</c>, <c>All</c>, <c>Having</c>, <c>Let</c> or
/// <c>Query</c> in the policy class.
/// </summary>
internal static class PolicyConditionScanner
{
    private static readonly HashSet<string> ConditionMethods = new(System.StringComparer.Ordinal)
    {
        "Match", "Not", "Exists", "All", "Having", "Let", "Query",
    };

    /// <summary>Documentation ids of the members read, sorted and without duplicates.</summary>
    public static IReadOnlyList<string> FindConditionMembers(SyntaxNode policyDeclaration, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        var found = new SortedSet<string>(System.StringComparer.Ordinal);
        foreach (var node in policyDeclaration.DescendantNodes())
        {
            if (node is not InvocationExpressionSyntax invocation || !ConditionMethods.Contains(InvokedName(invocation)))
            {
                continue;
            }

            foreach (var argument in invocation.ArgumentList.Arguments)
            {
                if (argument.Expression is not LambdaExpressionSyntax lambda)
                {
                    continue;
                }

                foreach (var name in lambda.Body.DescendantNodesAndSelf())
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (name is SimpleNameSyntax
                        && semanticModel.GetSymbolInfo(name, cancellationToken).Symbol is { } symbol
                        && IsDomainMember(symbol)
                        && symbol.OriginalDefinition.GetDocumentationCommentId() is { } id)
                    {
                        found.Add(id);
                    }
                }
            }
        }

        return new List<string>(found);
    }

    private static string InvokedName(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        _ => string.Empty,
    };

    /// <summary>
    /// Members of the business's own types: framework members (<c>List.Count</c>, <c>string.Length</c>) and
    /// PolicyAudit's own would otherwise make every such comparison anywhere look like a policy check.
    /// </summary>
    private static bool IsDomainMember(ISymbol symbol)
    {
        switch (symbol)
        {
            case IPropertySymbol:
            case IFieldSymbol { IsConst: false }:
            case IMethodSymbol { MethodKind: MethodKind.Ordinary, IsExtensionMethod: false }:
                break;
            default:
                return false;
        }

        var ns = symbol.ContainingType?.ContainingNamespace;
        if (ns is null)
        {
            return false;
        }

        while (ns.ContainingNamespace is { IsGlobalNamespace: false })
        {
            ns = ns.ContainingNamespace;
        }

        return ns.Name is not ("System" or "Microsoft" or PolicyAuditTypes.RootNamespace);
    }
}
