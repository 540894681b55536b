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

    /// <summary>The tracking name of the step that reads each policy class's conditions.</summary>
    internal const string PolicyConditionsStep = "PolicyConditions";

    /// <summary>The tracking name of the step that gathers every policy's conditions.</summary>
    internal const string PoliciesStep = "Policies";

    /// <summary>The tracking name of the step that reads each <c>PolicyAudit.Governed.txt</c>.</summary>
    internal const string GovernedListsStep = "GovernedLists";

    /// <summary>The tracking name of the step that gathers everything the generated file will carry.</summary>
    internal const string GovernedStep = "Governed";

    /// <summary>The tracking name of the step that asks whether the compilation has <c>GovernedMember</c> to write.</summary>
    internal const string AttributeShapeStep = "AttributeShape";

    /// <summary>Every step this generator names, for tests that check what each step caches.</summary>
    internal static readonly string[] TrackedSteps = [PolicyConditionsStep, PoliciesStep, GovernedListsStep, GovernedStep, AttributeShapeStep];

    // Kept by the instance so that a driver re-running this generator after an edit reuses unchanged policies' scans.
    private readonly PolicyConditionsCache _cache = new();

    /// <summary>How many policy classes this instance has bound rather than reused (for tests of incrementality).</summary>
    internal int PolicyBindings => _cache.Bindings;

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var cache = _cache;
        var policies = context.SyntaxProvider.ForAttributeWithMetadataName(
                PolicyAuditTypes.PolicyAttributeMetadataName,
                static (node, _) => node is ClassDeclarationSyntax,
                cache.Read)
            .WithTrackingName(PolicyConditionsStep)
            .Where(static conditions => conditions is not null)
            .Collect()
            .WithTrackingName(PoliciesStep);

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
            .WithTrackingName(GovernedListsStep)
            .Collect();

        var governed = policies.Combine(listed).WithTrackingName(GovernedStep);

        // Only a bool pair leaves this step, so a changed compilation re-runs the output only when the answer changes;
        // and with nothing to write it does not look the attribute up at all, so a project without policies pays nothing.
        var canCarry = governed.Combine(context.CompilationProvider)
            .Select(static (input, _) =>
            {
                var ((found, files), compilation) = input;
                if (found.IsEmpty && files.All(f => f.IsEmpty))
                {
                    return (Members: false, Tests: false);
                }

                var attribute = compilation.GetTypeByMetadataName(PolicyAuditTypes.GovernedMemberAttributeMetadataName);
                return (Members: attribute is not null, Tests: attribute?.GetMembers(GovernanceCatalog.ConditionsArgumentName).Length > 0);
            })
            .WithTrackingName(AttributeShapeStep);

        context.RegisterSourceOutput(governed.Combine(canCarry), static (output, input) =>
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
}
