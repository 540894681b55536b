using PolicyAudit.Analyzers.Tests.Infrastructure;
using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// False alarms measured on held-out code (nopCommerce, docs/analyzer-evaluation.md): a state enum that a policy tests
/// for one state is also tested for other states by the workflow and by switches. Only the states a
/// policy names are reported; a switch reports the arms of those states, whatever the arms yield.
/// </summary>
public sealed class StateAndLabelShapesTests
{
    private static Task VerifyAsync(string markup)
    {
        var test = new VerifyCS.Test { TestCode = markup };
        test.TestState.Sources.Add(SaasSources.Domain);
        test.TestState.Sources.Add(SaasSources.Policies);
        return test.RunAsync();
    }

    [Fact]
    public async Task StateComparison_StateThePolicyNames_IsReported()
    {
        await VerifyAsync("""
            using System;
            using Saas;
            public static class Dispatch
            {
                public static void Send(Order order)
                {
                    if ([|order.Status != OrderStatus.Paid|]) throw new InvalidOperationException("unpaid");
                }

                public static void Pack(Order order)
                {
                    if ([|order.Status.Equals(OrderStatus.Paid)|]) Console.WriteLine("paid");
                    switch (order.Status)
                    {
                        case [|OrderStatus.Paid|]: Console.WriteLine("go"); break;
                        case OrderStatus.Draft: break;
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task StateComparison_StateNoPolicyNames_IsNotReported()
    {
        await VerifyAsync("""
            using System;
            using Saas;
            public static class Workflow
            {
                public static bool CanEdit(Order order) => order.Status == OrderStatus.Draft;
                public static bool Done(Order order) => order.Status is OrderStatus.Shipped;

                public static void Step(Order order)
                {
                    switch (order.Status)
                    {
                        case OrderStatus.Draft: break;
                        case OrderStatus.Shipped: Console.WriteLine("archived"); break;
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task StateComparison_GovernedByHandWithoutConditions_EveryStateIsReported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using PolicyAudit;
            public enum Tier { Basic, Gold, Platinum }
            public sealed class Customer
            {
                [GovernedBy("gold-perks")] public Tier Tier { get; set; }
            }

            public static class Perks
            {
                public static bool Lounge(Customer customer) => [|customer.Tier == Tier.Platinum|];
                public static bool Basic(Customer customer) => [|customer.Tier == Tier.Basic|];
            }
            """);
    }

    [Fact]
    public async Task SwitchOverState_ArmOfTheStateThePolicyNames_IsReported()
    {
        await VerifyAsync("""
            using System;
            using Saas;
            public static class Dispatch
            {
                public static bool CanShip(Order order) => order.Status switch
                {
                    [|OrderStatus.Paid|] => true,
                    _ => false,
                };

                public static string Css(Order order) => order.Status switch
                {
                    OrderStatus.Draft => "badge-grey",
                    [|OrderStatus.Paid|] => "badge-green",
                    OrderStatus.Shipped => "badge-blue",
                    _ => "",
                };

                public static string Next(Order order)
                {
                    switch (order.Status)
                    {
                        case [|OrderStatus.Paid|]:
                            Console.WriteLine("shipping");
                            return "shipped";
                        default:
                            return "waiting";
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task EqualsWithComparison_GovernedMemberAsArgument_IsReported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.Linq;
            using PolicyAudit;
            public sealed class Discount
            {
                [GovernedBy("coupon-code", Conditions = "==\"SPRING\"")] public string CouponCode { get; set; } = "";
            }

            public static class Coupons
            {
                public static bool Entered(Discount discount, string[] codes) =>
                    codes.Any(code => [|code.Equals(discount.CouponCode, StringComparison.OrdinalIgnoreCase)|]);
                public static bool Spring(Discount discount) => [|discount.CouponCode.Equals("SPRING", StringComparison.Ordinal)|];
            }
            """);
    }
    [Fact]
    public async Task StateComparison_StateChosenByTheCaller_IsNotReportedButThePolicysStateIs()
    {
        // Ombi: the issues page lists by the state the caller asks for (`Where(x => x.Status == status)`).
        await VerifyAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using Saas;
            public static class Listing
            {
                public static IEnumerable<Order> ByStatus(IEnumerable<Order> orders, OrderStatus status) => orders.Where(o => o.Status == status);

                public static bool Paid(IEnumerable<Order> orders) => orders.Any(o => [|o.Status == OrderStatus.Paid|]);
            }
            """);
    }

    [Fact]
    public async Task DefaultComparison_WhenAPolicyComparesWithDefault_IsReported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using PolicyAudit;
            public sealed class MovieRequest
            {
                [GovernedBy("already-requested", Conditions = "!=default")] public DateTime RequestedDate { get; set; }
                [GovernedBy("other")] public DateTime Available { get; set; }
            }

            public static class Rules
            {
                public static bool Requested(MovieRequest existing) => [|existing.RequestedDate != default|];
                public static bool Unset(MovieRequest existing) => existing.Available == default;
            }
            """);
    }

    [Fact]
    public async Task TextOfAGovernedNumber_IsNotReportedWhileAStatesNameIs()
    {
        // Hangfire: `var retryValue = RetryAttempt.ToString(CultureInfo.InvariantCulture); if (stored != retryValue)` compares
        // the number's stored text before saving it; `order.Status.ToString() == "Paid"` still names the state.
        await VerifyAsync("""
            using System.Globalization;
            using Saas;
            public static class Storage
            {
                public static bool Changed(Product product, string stored)
                {
                    var stockText = product.Stock.ToString(CultureInfo.InvariantCulture);
                    return stored != stockText || stockText != "0";
                }

                public static bool Paid(Order order) => [|order.Status.ToString() == "Paid"|];
            }
            """);
    }
}
