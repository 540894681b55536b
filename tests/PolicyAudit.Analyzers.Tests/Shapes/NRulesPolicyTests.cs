using PolicyAudit.Analyzers.Governance;
using PolicyAudit.Analyzers.Tests.Infrastructure;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>Policies written against NRules' fluent DSL (issue 10): what they read is governed, and what they say is not a bypass.</summary>
public sealed class NRulesPolicyTests
{
    private const string Policies = """
        using System.Linq;
        using NRules.Fluent.Dsl;
        using PolicyAudit;
        using Shop;

        [Policy("fourth-exception")]
        public sealed class FourthException : Policy
        {
            public override void Define()
            {
                Customer customer = null!;
                System.Collections.Generic.IEnumerable<Order> opened = null!;
                When()
                    .Match(() => customer)
                    .Query(() => opened, q => q.Match<Order>().Where(o => o.IsOpened).Collect())
                    .Or(x => x.Exists<Booking>(b => b.Guests > 8).Not<Order>(o => o.Total > 500m));
                Then().RequireApproval(() => "Manager needed for " + customer.Visits);
            }
        }

        public sealed class PlainRule : Rule
        {
            public override void Define()
            {
                Order order = null!;
                When().Match(() => order, o => o.DaysSincePurchase > 90);
            }

            public static bool Helper(Order order) => order.ItemCount > 5;
        }
        """;

    [Fact]
    public void Generate_NRulesQueryOrExistsAndNot_ConditionsAreScanned()
    {
        var compilation = TestCompilations.Create("Policies", [ShopSources.Domain, Policies]);

        var generated = TestCompilations.RunGenerator(compilation, [])
            .SyntaxTrees.Single(t => t.FilePath.EndsWith(GovernedMemberGenerator.HintName, StringComparison.Ordinal)).ToString();

        Assert.Contains("(\"P:Shop.Order.IsOpened\", \"fourth-exception\", Conditions = \"==true\")", generated, StringComparison.Ordinal);
        Assert.Contains("(\"P:Shop.Booking.Guests\", \"fourth-exception\", Conditions = \">8\")", generated, StringComparison.Ordinal);
        Assert.Contains("(\"P:Shop.Order.Total\", \"fourth-exception\", Conditions = \">500\")", generated, StringComparison.Ordinal);
        Assert.DoesNotContain("Shop.Customer.Visits", generated, StringComparison.Ordinal);
        Assert.DoesNotContain("DaysSincePurchase", generated, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlainNRulesRule_ConditionsAndHelpers_AreNotReportedAndGovernNothing()
    {
        await AnalyzerVerifier.VerifyAsync("PA0001", """
            using Shop;
            public static class Refunds
            {
                public static bool Late(Order order) => order.DaysSincePurchase > 90;
                public static bool Opened(Order order) => [|order.IsOpened|] ? true : false;
            }
            """,
            [ShopSources.Domain, Policies]);
    }
}
