using Microsoft.CodeAnalysis.Testing;
using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// Measured on MODiX (docs/analyzer-evaluation.md, fifth round): a policy that asks whether a related record exists
/// (<c>c.CloseAction != null</c>: the campaign has been closed). The navigation member is governed for that presence
/// test, so the code's presence tests of it are the policy's check; reading through it, and navigations no policy
/// tests, stay silent, and so does a presence test that only guards reading through the navigation in the policy.
/// </summary>
public sealed class NavigationPresenceShapesTests
{
    private const string Domain = """
        namespace Promotions
        {
            public enum Outcome { Accepted, Rejected }

            public sealed class Action
            {
                public ulong CreatedById { get; set; }
            }

            public sealed class Editor
            {
                public ulong UserId { get; set; }
            }

            public sealed class Tag
            {
                public Editor? OwnerUser { get; set; }
            }

            public sealed class Campaign
            {
                public Action? CloseAction { get; set; }
                public Action? CreateAction { get; set; }
                public Outcome? Outcome { get; set; }
            }
        }
        """;

    private const string Policies = """
        using PolicyAudit;
        using Promotions;
        namespace Promotions.Policies
        {
            [Policy("campaign-closed")]
            public sealed class CampaignClosed : Policy
            {
                public override void Define()
                {
                    Campaign campaign = null!;
                    When().Match(() => campaign, c => c.CloseAction != null || c.Outcome != null);
                    Then().Deny("The campaign is closed.");
                }
            }

            [Policy("tag-owner-only")]
            public sealed class TagOwnerOnly : Policy
            {
                public override void Define()
                {
                    Tag tag = null!;
                    Editor editor = null!;
                    When().Match(() => tag, t => t.OwnerUser != null).Match(() => editor, e => e.UserId != tag.OwnerUser!.UserId);
                    Then().Deny("Only the tag's owner may change it.");
                }
            }
        }
        """;

    private static Task VerifyAsync(string markup, params DiagnosticResult[] expected) => VerifyCS.VerifyBesideAsync(markup, [Domain, Policies], expected);

    [Fact]
    public async Task PresenceTestOfAGovernedNavigation_IsReported()
    {
        await VerifyAsync("""
            using Promotions;
            public static class Comments
            {
                public static void Add(Campaign campaign)
                {
                    if ({|#0:campaign.CloseAction is not null|})
                    {
                        throw new System.InvalidOperationException("closed");
                    }
                }

                public static bool IsOpen(Campaign campaign) => {|#1:campaign.CloseAction == null|};
            }
            """,
            VerifyCS.Expected(0, "campaign.CloseAction is not null", "policy 'campaign-closed'"),
            VerifyCS.Expected(1, "campaign.CloseAction == null", "policy 'campaign-closed'"));
    }

    [Fact]
    public async Task ReadThroughAGovernedNavigationOrAnUngovernedOnesPresence_IsNotReported()
    {
        await VerifyAsync("""
            using Promotions;
            public static class Audit
            {
                public static ulong? ClosedBy(Campaign campaign) => campaign.CloseAction?.CreatedById;

                public static bool Owned(Tag tag) => tag.OwnerUser is null;

                public static void Describe(Campaign campaign)
                {
                    if (campaign.CreateAction == null)
                    {
                        throw new System.ArgumentException("no creator");
                    }
                }
            }
            """);
    }
}
