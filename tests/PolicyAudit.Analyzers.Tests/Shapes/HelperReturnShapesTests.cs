using Microsoft.CodeAnalysis.Testing;
using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// Measured on Exceptionless, Smartstore, nopCommerce and GrandNode (docs/analyzer-evaluation.md): the limit or the
/// balance a check compares comes from a helper of the same project that computes it from the governed member
/// (<c>GetMaxEventsPerMonthWithBonus()</c>, a gift card's remaining amount), often awaited.
/// </summary>
public sealed class HelperReturnShapesTests
{
    private const string Domain = """
        namespace Billing
        {
            public sealed class Organization
            {
                public int MaxEventsPerMonth { get; set; }
                public int BonusEvents { get; set; }
                public int EventsThisMonth { get; set; }
                public string Name { get; set; } = "";
                public System.DateTime? SuspendedUntilUtc { get; set; }
            }

            public sealed class GiftCard
            {
                public decimal Amount { get; set; }
                public bool IsActivated { get; set; }
            }
        }
        """;

    private const string Policies = """
        using PolicyAudit;
        using Billing;
        namespace Billing.Policies
        {
            [Policy("monthly-event-limit")]
            public sealed class MonthlyEventLimit : Policy
            {
                public override void Define()
                {
                    Organization organization = null!;
                    When().Match(() => organization, o => o.EventsThisMonth >= o.MaxEventsPerMonth);
                    Then().Deny("Over the plan's monthly events.");
                }
            }

            [Policy("suspension")]
            public sealed class Suspension : Policy
            {
                public override void Define()
                {
                    Organization organization = null!;
                    When().Match(() => organization, o => o.SuspendedUntilUtc > System.DateTime.UtcNow);
                    Then().Deny("The organization is suspended.");
                }
            }

            [Policy("gift-card-valid")]
            public sealed class GiftCardValid : Policy
            {
                public override void Define()
                {
                    GiftCard card = null!;
                    When().Match(() => card, c => c.Amount <= 0);
                    Then().Deny("The gift card is used up.");
                }
            }
        }
        """;

    private static Task VerifyAsync(string markup, params DiagnosticResult[] expected) => VerifyCS.VerifyBesideAsync(markup, [Domain, Policies], expected);

    private static DiagnosticResult Expected(int marker, string code, string policies) => VerifyCS.Expected(marker, code, policies);

    [Fact]
    public async Task ValueReturnedByAHelper_ComparedByTheCaller_IsReported()
    {
        await VerifyAsync("""
            using System.Threading.Tasks;
            using Billing;
            public static class OrganizationExtensions
            {
                public static int GetMaxEventsWithBonus(this Organization organization) => organization.MaxEventsPerMonth + organization.BonusEvents;

                public static bool IsOverLimit(this Organization organization) =>
                    {|#0:organization.EventsThisMonth >= organization.GetMaxEventsWithBonus()|};
            }

            public sealed class GiftCardService
            {
                public async Task<bool> IsValidAsync(GiftCard card)
                {
                    var remaining = await GetRemainingAsync(card);
                    return {|#1:remaining > 0m|};
                }

                public async Task<bool> IsUsedUpAsync(GiftCard card) => {|#2:await GetRemainingAsync(card).ConfigureAwait(false) <= 0m|};

                private async Task<decimal> GetRemainingAsync(GiftCard card)
                {
                    var used = await Task.FromResult(10m);
                    return card.Amount - used;
                }
            }
            """,
            Expected(0, "organization.EventsThisMonth >= organization.GetMaxEventsWithBonus()", "policy 'monthly-event-limit'"),
            Expected(1, "remaining > 0m", "policy 'gift-card-valid'"),
            Expected(2, "await GetRemainingAsync(card).ConfigureAwait(false) <= 0m", "policy 'gift-card-valid'"));
    }

    [Fact]
    public async Task HelperAnsweringYesOrNo_OrReturningAnUngovernedValue_IsNotReportedAtItsCallers()
    {
        // The helper's own comparison is the check (reported there); its callers only ask it.
        await VerifyAsync("""
            using Billing;
            public static class Limits
            {
                public static bool IsOver(Organization organization) => {|#0:organization.EventsThisMonth >= organization.MaxEventsPerMonth|};

                public static int NameLength(Organization organization) => organization.Name.Length;

                public static string Notice(Organization organization)
                {
                    if (IsOver(organization))
                    {
                        return "over";
                    }

                    return NameLength(organization) > 40 ? "long" : "short";
                }
            }
            """,
            Expected(0, "organization.EventsThisMonth >= organization.MaxEventsPerMonth", "policy 'monthly-event-limit'"));
    }

    [Fact]
    public async Task DateWrappedInAFrameworkValueByAStoreHelper_ComparedByTheCaller_IsReported()
    {
        // ASP.NET Boilerplate's user store: `GetLockoutEndDate(user)` returns `new DateTimeOffset(..)` of the entity's date.
        await VerifyAsync("""
            using System;
            using Billing;
            public static class Suspensions
            {
                public static bool IsSuspended(Organization organization)
                {
                    var until = GetSuspensionEnd(organization);
                    return {|#0:until > DateTimeOffset.UtcNow|};
                }

                private static DateTimeOffset? GetSuspensionEnd(Organization organization)
                {
                    if (!organization.SuspendedUntilUtc.HasValue)
                    {
                        return null;
                    }

                    var utc = DateTime.SpecifyKind(organization.SuspendedUntilUtc.Value, DateTimeKind.Utc);
                    return new DateTimeOffset(utc);
                }
            }
            """,
            Expected(0, "until > DateTimeOffset.UtcNow", "policy 'suspension'"));
    }
}
