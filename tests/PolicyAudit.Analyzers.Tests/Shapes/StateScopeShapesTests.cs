using Microsoft.CodeAnalysis.Testing;
using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// Measured on Sonarr, BTCPay and GrandNode (docs/analyzer-evaluation.md): a policy scopes a rule to a state
/// (<c>x.Protocol == Protocol.Usenet &amp;&amp; x.Age &gt; config.Retention</c>). The state is switched on everywhere for
/// dispatch, display and ranking; the policy's check reads the rest of the rule beside it. A state a policy tests on
/// its own is reported wherever it is tested, and comparers never are.
/// </summary>
public sealed class StateScopeShapesTests
{
    private const string Domain = """
        namespace Downloads
        {
            public enum Protocol { Usenet, Torrent }

            public enum Health { Ok, Failing }

            public sealed class Release
            {
                public Protocol Protocol { get; set; }
                public int Age { get; set; }
            }

            public sealed class Indexer
            {
                public Health Health { get; set; }
            }

            public sealed class Config
            {
                public int Retention { get; set; }
            }
        }
        """;

    // Declared apart from the Domain, as a policies project is: types beside a policy are facts the host builds.
    private const string Policies = """
        using PolicyAudit;
        namespace Downloads.Policies
        {
            [Policy("usenet-retention")]
            public sealed class UsenetRetention : Policy
            {
                public override void Define()
                {
                    Config config = null!;
                    Release release = null!;
                    When().Match(() => config).Match(() => release, r => r.Protocol == Protocol.Usenet && r.Age > config.Retention);
                    Then().Deny("Too old for the usenet server's retention.");
                }
            }

            [Policy("stale-release")]
            public sealed class StaleRelease : Policy
            {
                public override void Define()
                {
                    Release release = null!;
                    When().Match(() => release, r => r.Protocol == Protocol.Torrent && r.Age > System.DateTime.UtcNow.Day);
                    Then().Deny("A torrent this old has no seeders.");
                }
            }

            [Policy("failing-indexer")]
            public sealed class FailingIndexer : Policy
            {
                public override void Define()
                {
                    Indexer indexer = null!;
                    When().Match(() => indexer, i => i.Health == Health.Failing);
                    Then().Deny("The indexer is failing.");
                }
            }
        }
        """;

    private static Task VerifyAsync(string markup, params DiagnosticResult[] expected) => VerifyCS.VerifyBesideAsync(markup, [Domain, Policies], expected);

    private static DiagnosticResult Expected(int marker, string code, string policies) => VerifyCS.Expected(marker, code, policies);

    [Fact]
    public async Task ScopedState_TestedBesideTheRestOfTheRule_IsReported()
    {
        await VerifyAsync("""
            using Downloads;
            public static class RetentionSpecification
            {
                public static bool IsSatisfiedBy(Release release, Config config)
                {
                    if ({|#0:release.Protocol != Protocol.Usenet|})
                    {
                        return true;
                    }

                    return {|#1:release.Age <= config.Retention|};
                }
            }
            """,
            Expected(0, "release.Protocol != Protocol.Usenet", "policy 'usenet-retention'"),
            Expected(1, "release.Age <= config.Retention", "policies 'stale-release' and 'usenet-retention'"));
    }

    [Fact]
    public async Task ScopedState_TestedForDispatchOrInAComparer_IsNotReported()
    {
        await VerifyAsync("""
            using System.Collections.Generic;
            using Downloads;
            public static class Clients
            {
                public static string For(Release release) => release.Protocol == Protocol.Usenet ? "sabnzbd" : "qbittorrent";
            }

            public sealed class ReleaseComparer : IComparer<Release>
            {
                public int Compare(Release? x, Release? y) =>
                    (x!.Protocol == Protocol.Torrent ? 1 : 0) - (y!.Protocol == Protocol.Torrent ? 1 : 0) + (x.Age <= 7 ? 1 : 0);
            }
            """);
    }

    [Fact]
    public async Task StateTestedAlone_AnywhereInTheCode_IsReported()
    {
        await VerifyAsync("""
            using Downloads;
            public static class Search
            {
                public static string Label(Indexer indexer) => {|#0:indexer.Health == Health.Failing|} ? "failing" : "ok";
            }
            """,
            Expected(0, "indexer.Health == Health.Failing", "policy 'failing-indexer'"));
    }

    [Fact]
    public async Task StateBesideTheClockOnly_TestedAlone_IsReported()
    {
        // A limit against the clock (`r.Age > DateTime.UtcNow.Day`) is fixed by the policy, not read from data: the
        // state is the rule's own question, as beside a constant.
        await VerifyAsync("""
            using Downloads;
            public static class Labels
            {
                public static string For(Release release) => {|#0:release.Protocol == Protocol.Torrent|} ? "torrent" : "other";
            }
            """,
            Expected(0, "release.Protocol == Protocol.Torrent", "policy 'stale-release'"));
    }

    [Fact]
    public async Task StateInAFixedSet_ContainsNamingAPolicysState_IsReported()
    {
        // VirtoCommerce: `_captureValidStates.Contains(payment.PaymentStatus)` is `Status == A || Status == B`.
        await VerifyAsync("""
            using System.Linq;
            using Downloads;
            public static class Health
            {
                private static readonly Downloads.Health[] Blocking = { Downloads.Health.Failing };

                public static bool Bad(Indexer indexer) => {|#0:new[] { Downloads.Health.Failing }.Contains(indexer.Health)|};

                public static bool Blocked(Indexer indexer) => {|#1:Blocking.Contains(indexer.Health)|};

                public static bool Fine(Indexer indexer) => new[] { Downloads.Health.Ok }.Contains(indexer.Health);
            }
            """,
            Expected(0, "new[] { Downloads.Health.Failing }.Contains(indexer.Health)", "policy 'failing-indexer'"),
            Expected(1, "Blocking.Contains(indexer.Health)", "policy 'failing-indexer'"));
    }
}
