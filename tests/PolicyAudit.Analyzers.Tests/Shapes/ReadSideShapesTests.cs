using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// Measured on a charity platform, an auction marketplace and a gym (docs/analyzer-evaluation.md, eighth round): a
/// CQRS query's handler (<c>GetVolunteerOpportunitiesQueryHandler</c>) or a report reads governed states and flags to
/// pick and show rows; it allows and refuses nothing. The same test in a command's handler is the policy's check, and so
/// is an owner match in a query (who may see the rows).
/// </summary>
public sealed class ReadSideShapesTests
{
    private const string Domain = """
        namespace Charity
        {
            public sealed class Campaign
            {
                public int OwnerId { get; set; }
                public bool IsActive { get; set; }
            }

            public sealed class Member
            {
                public int Id { get; set; }
            }
        }
        """;

    private const string Policies = """
        using PolicyAudit;
        using Charity;

        namespace Charity.Policies
        {
            [Policy("donate-active-campaign")]
            public sealed class DonateActiveCampaign : Policy
            {
                public override void Define()
                {
                    Campaign campaign = null!;
                    When().Match(() => campaign, c => !c.IsActive);
                    Then().Deny("This campaign is closed.");
                }
            }

            [Policy("owner-edits-campaign")]
            public sealed class OwnerEditsCampaign : Policy
            {
                public override void Define()
                {
                    Campaign campaign = null!;
                    Member member = null!;
                    When().Match(() => campaign).Match(() => member, m => m.Id != campaign.OwnerId);
                    Then().Deny("Only the campaign's owner may change it.");
                }
            }
        }
        """;

    [Fact]
    public async Task StateReadInAQueryOrAReport_IsNotReportedWhileACommandsAndAnOwnerMatchAre()
    {
        await VerifyCS.VerifyBesideAsync("""
            using Charity;
            public sealed class GetCampaignsQueryHandler
            {
                public string Handle(Campaign campaign, int memberId)
                {
                    if ([|campaign.OwnerId != memberId|]) return "hidden";
                    return campaign.IsActive ? "open" : "closed";
                }
            }

            public sealed class CampaignReportService
            {
                public int Open(Campaign[] campaigns) => System.Linq.Enumerable.Count(campaigns, c => c.IsActive);
            }

            public sealed class DonateCommandHandler
            {
                public string Handle(Campaign campaign) => [|!campaign.IsActive|] ? "closed" : "thank you";
            }
            """,
            [Domain, Policies]);
    }

    [Fact]
    public async Task StateReadInADashboardOrStatisticsService_IsNotReported()
    {
        await VerifyCS.VerifyBesideAsync("""
            using System.Linq;
            using Charity;
            public sealed class OrganiserDashboardService
            {
                public int OpenCampaigns(Campaign[] campaigns) => campaigns.Count(c => c.IsActive);
            }

            public sealed class CampaignStatisticsService
            {
                public string Label(Campaign campaign) => campaign.IsActive ? "open" : "closed";
            }

            public sealed class GetDashboardDataHandler
            {
                public int Closed(Campaign[] campaigns) => campaigns.Count(c => !c.IsActive);
            }

            public sealed class GlobalAnalyticsController
            {
                public int[] Open(Campaign[] campaigns) => campaigns.Where(c => c.IsActive).Select(c => c.OwnerId).ToArray();
            }

            public sealed class DashboardCampaignService
            {
                public string Donate(Campaign campaign) => [|!campaign.IsActive|] ? "closed" : "thank you";
            }
            """,
            [Domain, Policies]);
    }

    [Fact]
    public async Task StateReadInADashboardMethodOfACommandService_IsNotReported()
    {
        // Measured on a leave-request service (thirteenth round): one method of a service of commands gathers a
        // manager's dashboard; the service's other methods decide.
        await VerifyCS.VerifyBesideAsync("""
            using System.Linq;
            using Charity;
            public sealed class CampaignService
            {
                public string GetOrganiserDashboardSummary(Campaign[] campaigns)
                {
                    var open = 0;
                    foreach (var campaign in campaigns)
                    {
                        if (campaign.IsActive) open++;
                    }

                    return open == 0 ? "No campaign is open." : "Campaigns are open.";
                }

                public string Donate(Campaign campaign) => [|!campaign.IsActive|] ? "closed" : "thank you";
            }
            """,
            [Domain, Policies]);
    }

    [Fact]
    public async Task GuardThrowingInAQueryHandler_IsReported()
    {
        // A guard that throws refuses the request: whether it may be asked at all, not what to show.
        await VerifyCS.VerifyBesideAsync("""
            using Charity;
            public sealed class GetCampaignDetailsQueryHandler
            {
                public string Handle(Campaign campaign)
                {
                    if ([|!campaign.IsActive|])
                        throw new System.InvalidOperationException("This campaign is closed.");

                    return campaign.IsActive ? "open" : "closed";
                }
            }
            """,
            [Domain, Policies]);
    }
}
