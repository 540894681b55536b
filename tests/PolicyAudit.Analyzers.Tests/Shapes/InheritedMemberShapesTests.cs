using Microsoft.CodeAnalysis.Testing;
using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// Measured on Prowlarr and VirtoCommerce (docs/analyzer-evaluation.md): a member declared on a shared base class
/// (<c>ProviderDefinition.Enable</c>) that a policy reads on one derived fact (<c>IndexerDefinition</c>). The policy
/// governs that fact's member; the siblings' (download clients, applications) are other switches. A value of the base
/// type may be the policy's fact, and is reported.
/// </summary>
public sealed class InheritedMemberShapesTests
{
    private const string Domain = """
        namespace Providers
        {
            public abstract class ProviderDefinition
            {
                public bool Enable { get; set; }
                public int Priority { get; set; }
            }

            public sealed class IndexerDefinition : ProviderDefinition { }

            public sealed class DownloadClientDefinition : ProviderDefinition { }

            public sealed class ApplicationDefinition : ProviderDefinition { }
        }
        """;

    private const string Policies = """
        using PolicyAudit;
        using Providers;
        namespace Providers.Policies
        {
            [Policy("indexer-enabled")]
            public sealed class IndexerEnabled : Policy
            {
                public override void Define()
                {
                    IndexerDefinition indexer = null!;
                    When().Match(() => indexer, i => !i.Enable);
                    Then().Deny("The indexer is switched off.");
                }
            }

            [Policy("client-enabled")]
            public sealed class ClientEnabled : Policy
            {
                public override void Define()
                {
                    DownloadClientDefinition client = null!;
                    When().Match(() => client, c => !c.Enable);
                    Then().Deny("The download client is switched off.");
                }
            }

            [Policy("low-priority")]
            public sealed class LowPriority : Policy
            {
                public override void Define()
                {
                    ProviderDefinition provider = null!;
                    When().Match(() => provider, p => p.Priority > 40);
                    Then().Deny("Providers below priority 40 are not used.");
                }
            }
        }
        """;

    private static Task VerifyAsync(string markup, params DiagnosticResult[] expected) => VerifyCS.VerifyBesideAsync(markup, [Domain, Policies], expected);

    private static DiagnosticResult Expected(int marker, string code, string policies) => VerifyCS.Expected(marker, code, policies);

    [Fact]
    public async Task InheritedFlag_ReadOnThePolicysFact_IsReportedNamingThatFactsPolicyOnly()
    {
        await VerifyAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using Providers;
            public static class Search
            {
                public static List<IndexerDefinition> Enabled(List<IndexerDefinition> indexers) => indexers.Where({|#0:i => i.Enable|}).ToList();

                public static bool Usable(ProviderDefinition definition) => definition is IndexerDefinition indexer && {|#1:indexer.Enable|};

                public static void Send(DownloadClientDefinition client)
                {
                    if ({|#2:!client.Enable|})
                    {
                        throw new System.InvalidOperationException("off");
                    }
                }
            }
            """,
            Expected(0, "i => i.Enable", "policy 'indexer-enabled'"),
            Expected(1, "indexer.Enable", "policy 'indexer-enabled'"),
            Expected(2, "!client.Enable", "policy 'client-enabled'"));
    }

    [Fact]
    public async Task InheritedFlag_ReadOnASiblingType_IsNotReported()
    {
        await VerifyAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using Providers;
            public static class Applications
            {
                public static List<ApplicationDefinition> Enabled(List<ApplicationDefinition> apps) => apps.Where(a => a.Enable).ToList();

                public static bool Usable(ProviderDefinition definition) => definition is ApplicationDefinition app && app.Enable;
            }
            """);
    }

    [Fact]
    public async Task InheritedFlag_ReadOnTheSharedBase_IsReportedAsItMayBeThePolicysFact()
    {
        // Squidex: `condition.Roles` on the base `WorkflowCondition`, where the policy reads a transition's roles.
        await VerifyAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using Providers;
            public static class ProviderSearch
            {
                public static bool AnyEnabled(IEnumerable<ProviderDefinition> definitions) => definitions.Any({|#0:d => d.Enable|});

                public static int Count<TDefinition>(IEnumerable<TDefinition> definitions)
                    where TDefinition : ProviderDefinition => definitions.Count({|#1:d => d.Enable|});
            }
            """,
            Expected(0, "d => d.Enable", "policies 'client-enabled' and 'indexer-enabled'"),
            Expected(1, "d => d.Enable", "policies 'client-enabled' and 'indexer-enabled'"));
    }

    [Fact]
    public async Task MemberReadOnTheDeclaringType_IsReportedOnEveryDerivedType()
    {
        await VerifyAsync("""
            using Providers;
            public static class Ranking
            {
                public static bool Skip(ApplicationDefinition app) => {|#0:app.Priority > 40|};
            }
            """,
            Expected(0, "app.Priority > 40", "policy 'low-priority'"));
    }
}
