using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace PolicyAudit.Analyzers.Governance;

/// <summary>
/// Writes <c>[assembly: PolicyAudit.GovernedMember("P:Shop.Order.DaysSincePurchase", "refund-window")]</c> for
/// every member the compilation's policy conditions read and every line of its <c>PolicyAudit.Governed.txt</c>,
/// so that projects referencing this one (the web app referencing the Policies project) know what is governed.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class GovernedMemberGenerator : IIncrementalGenerator
{
    /// <summary>The hint name of the generated file.</summary>
    public const string HintName = "PolicyAudit.GovernedMembers.g.cs";

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var policies = context.SyntaxProvider.ForAttributeWithMetadataName(
                PolicyAuditTypes.PolicyAttributeMetadataName,
                static (node, _) => node is ClassDeclarationSyntax,
                static (attributed, cancellationToken) =>
                {
                    if (attributed.TargetSymbol is not INamedTypeSymbol type
                        || !DerivesFromPolicy(type)
                        || attributed.Attributes.Length == 0
                        || attributed.Attributes[0].ConstructorArguments.Length == 0
                        || attributed.Attributes[0].ConstructorArguments[0].Value is not string policyId)
                    {
                        return null;
                    }

                    var members = new SortedDictionary<string, SortedSet<ConditionTest>>(System.StringComparer.Ordinal);
                    foreach (var reference in type.DeclaringSyntaxReferences)
                    {
                        var declaration = reference.GetSyntax(cancellationToken);
                        var model = declaration.SyntaxTree == attributed.SemanticModel.SyntaxTree
                            ? attributed.SemanticModel
                            : attributed.SemanticModel.Compilation.GetSemanticModel(declaration.SyntaxTree);
                        foreach (var pair in PolicyConditionScanner.FindConditionMembers(declaration, model, cancellationToken))
                        {
                            if (!members.TryGetValue(pair.Key, out var tests))
                            {
                                members.Add(pair.Key, tests = new SortedSet<ConditionTest>());
                            }

                            tests.UnionWith(pair.Value);
                        }
                    }

                    return new PolicyConditions(policyId, members.Keys.ToList(), members.Values.Select(ConditionTest.Format).ToList());
                })
            .Where(static conditions => conditions is not null)
            .Collect();

        var listed = context.AdditionalTextsProvider
            .Where(GovernedListFile.IsGovernedList)
            .Select(static (file, cancellationToken) =>
            {
                var entries = GovernedListFile.Parse(file, cancellationToken);
                var byPolicy = entries.GroupBy(e => e.PolicyId, System.StringComparer.Ordinal)
                    .Select(g =>
                    {
                        var ids = g.Select(e => e.DocumentationId).Distinct().OrderBy(id => id, System.StringComparer.Ordinal).ToList();
                        return new PolicyConditions(g.Key, ids, ids.Select(_ => string.Empty).ToList());
                    });
                return byPolicy.ToImmutableArray();
            })
            .Collect();

        // Only a bool pair leaves this step, so a changed compilation re-runs the output only when the answer changes.
        var canCarry = context.CompilationProvider
            .Select(static (compilation, _) =>
            {
                var attribute = compilation.GetTypeByMetadataName(PolicyAuditTypes.GovernedMemberAttributeMetadataName);
                return (Members: attribute is not null, Tests: attribute?.GetMembers(GovernanceCatalog.ConditionsArgumentName).Length > 0);
            });

        context.RegisterSourceOutput(policies.Combine(listed).Combine(canCarry), static (output, input) =>
        {
            var ((found, files), carry) = input;
            if (!carry.Members)
            {
                return;
            }

            var pairs = new SortedDictionary<(string Member, string Policy), string>();
            foreach (var policy in found.Concat(files.SelectMany(f => f)))
            {
                for (var i = 0; i < policy!.MemberIds.Count; i++)
                {
                    var key = (policy.MemberIds[i], policy.PolicyId);
                    if (!pairs.TryGetValue(key, out var tests) || tests.Length == 0)
                    {
                        pairs[key] = policy.Tests[i];
                    }
                }
            }

            if (pairs.Count == 0)
            {
                return;
            }

            var source = new StringBuilder();
            source.Append("// <auto-generated/>\n");
            source.Append("// Members governed by this assembly's policies, for the PolicyAudit analyzer in referencing projects.\n");
            foreach (var pair in pairs)
            {
                source.Append("[assembly: global::PolicyAudit.GovernedMember(")
                    .Append(SymbolDisplay.FormatLiteral(pair.Key.Member, quote: true))
                    .Append(", ")
                    .Append(SymbolDisplay.FormatLiteral(pair.Key.Policy, quote: true));
                if (carry.Tests && pair.Value.Length > 0)
                {
                    source.Append(", ").Append(GovernanceCatalog.ConditionsArgumentName).Append(" = ")
                        .Append(SymbolDisplay.FormatLiteral(pair.Value, quote: true));
                }

                source.Append(")]\n");
            }

            output.AddSource(HintName, SourceText.From(source.ToString(), Encoding.UTF8));
        });
    }

    private static bool DerivesFromPolicy(INamedTypeSymbol type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.Name == "Policy"
                && current.ContainingNamespace is { Name: PolicyAuditTypes.RootNamespace, ContainingNamespace.IsGlobalNamespace: true })
            {
                return true;
            }
        }

        return false;
    }
}
