using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PolicyAudit.Analyzers.Tests.Infrastructure;
using PolicyAudit.Analyzers.Tests.Verifiers;
using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests;

public sealed class HardCodedPolicyCheckAnalyzerTests
{
    private static VerifyCS.Test WithPolicies(string markup, TestFramework? framework = null) => new()
    {
        Framework = framework ?? TestFramework.Net100,
        TestCode = markup,
        TestState = { Sources = { ShopSources.Domain, ShopSources.Policies } },
    };

    private static Task VerifyWithPoliciesAsync(string markup) => WithPolicies(markup).RunAsync();

    [Theory]
    [InlineData("net8.0")]
    [InlineData("net10.0")]
    public async Task Comparison_GovernedByPolicyInSameCompilation_IsReported(string framework)
    {
        var test = WithPolicies(
            """
            using Shop;
            public static class Refunds
            {
                public static string? Check(Order order)
                {
                    if ({|#0:{|#1:order|}.DaysSincePurchase > 30|}) return "Too late";
                    return null;
                }
            }
            """,
            TestFramework.FromMoniker(framework));
        // The second location is the fact the code fix passes to the engine.
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic().WithLocation(0).WithLocation(1).WithMessage(
            "'order.DaysSincePurchase > 30' hard-codes policy 'refund-window'; ask IPolicyEngine so that exceptions are recorded"));

        await test.RunAsync();
    }

    [Fact]
    public async Task Comparison_ConstantOnLeft_IsReported()
    {
        await VerifyWithPoliciesAsync("""
            using Shop;
            public static class Refunds
            {
                public static bool TooLate(Order order) => [|30 < order.DaysSincePurchase|];
            }
            """);
    }

    [Fact]
    public async Task Comparison_EqualityWithEnumMember_IsReported()
    {
        await VerifyWithPoliciesAsync("""
            using Shop;
            public static class Perks
            {
                public static bool Free(Customer customer) => [|customer.Tier == CustomerTier.Gold|];
            }
            """);
    }

    [Fact]
    public async Task Comparison_AgainstVariable_IsReported()
    {
        await VerifyWithPoliciesAsync("""
            using Shop;
            public static class Refunds
            {
                public static bool TooLate(Order order, int limit) => [|order.DaysSincePurchase >= limit|];
            }
            """);
    }

    [Fact]
    public async Task Comparison_ThroughNullConditionalAccess_IsReported()
    {
        await VerifyWithPoliciesAsync("""
            using Shop;
            public static class Refunds
            {
                public static bool TooLate(Order? order) => [|order?.DaysSincePurchase > 30|];
            }
            """);
    }

    [Fact]
    public async Task Comparison_NestedMemberOfGovernedType_IsReported()
    {
        await VerifyWithPoliciesAsync("""
            using Shop;
            public static class Perks
            {
                public static bool Regular(Order order) => [|order.Customer.Visits > 10|];
            }
            """);
    }

    [Fact]
    public async Task Comparison_WithZeroNullOrDefault_IsNotReported()
    {
        await VerifyWithPoliciesAsync("""
            using Shop;
            public static class Guards
            {
                public static bool Any(Order order) => order.DaysSincePurchase > 0;
                public static bool Nothing(Order order) => order.Total == 0m;
                public static bool Unset(Order order) => order.DaysSincePurchase == default;
                public static bool Missing(Order? order) => order?.DaysSincePurchase == null;
            }
            """);
    }

    [Fact]
    public async Task Comparison_InsidePolicyDefinition_IsNotReported()
    {
        await VerifyWithPoliciesAsync("""
            using PolicyAudit;
            using Shop;
            [Policy("late-bookings")]
            public sealed class LateBookingPolicy : Policy
            {
                public override void Define()
                {
                    Order order = null!;
                    When().Match<Order>(() => order, o => o.DaysSincePurchase > 60);
                    Then().Deny("Too late.");
                }

                private static bool Helper(Order order) => order.DaysSincePurchase > 90;
            }
            """);
    }

    [Fact]
    public async Task AssignmentAndFormatting_OfGovernedMember_AreNotReported()
    {
        await VerifyWithPoliciesAsync("""
            using Shop;
            public static class Display
            {
                public static string Show(Order order)
                {
                    order.DaysSincePurchase = 31;
                    var days = order.DaysSincePurchase + 1;
                    return $"{order.DaysSincePurchase} days ({days})";
                }
            }
            """);
    }

    [Fact]
    public async Task Comparison_SameNamedMemberOfOtherType_IsNotReported()
    {
        await VerifyWithPoliciesAsync("""
            using Shop;
            public static class Bookings
            {
                public static bool Late(Booking booking) => booking.DaysSincePurchase > 30;
            }
            """);
    }

    [Fact]
    public async Task Comparison_FrameworkMemberReadByPolicy_IsNotReported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using PolicyAudit;
            [Policy("bulk")]
            public sealed class BulkPolicy : Policy
            {
                public override void Define()
                {
                    List<int> items = null!;
                    When().Match<List<int>>(() => items, l => l.Count > 3);
                    Then().Deny("Too many.");
                }
            }

            public static class Elsewhere
            {
                public static bool Many(List<int> items) => items.Count > 3;
            }
            """);
    }

    [Fact]
    public async Task Comparison_MemberMarkedGovernedBy_IsReported()
    {
        await VerifyCS.VerifyAnalyzerAsync(
            """
            using PolicyAudit;
            public sealed class Ticket
            {
                [GovernedBy("ticket-limit")]
                public int Count { get; set; }
            }

            [Policy("ticket-limit")]
            public sealed class TicketLimit : Policy
            {
                public override void Define() { }
            }

            public static class Sales
            {
                public static bool TooMany(Ticket ticket) => {|#0:{|#1:ticket|}.Count > 4|};
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("ticket.Count > 4", "policy 'ticket-limit'"));
    }

    [Fact]
    public async Task Comparison_GovernedMethodAndField_AreReported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using PolicyAudit;
            public sealed class Basket
            {
                [GovernedBy("basket-size")] public int Size;
                [GovernedBy("basket-size")] public int Weight() => Size * 2;
            }

            public static class Checkout
            {
                public static bool Heavy(Basket basket) => [|basket.Weight() > 20|] || [|basket.Size > 12|];
            }
            """);
    }

    [Fact]
    public async Task Comparison_OverrideOfGovernedProperty_IsReported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using PolicyAudit;
            public abstract class Item
            {
                [GovernedBy("fragile")]
                public virtual int Fragility { get; set; }
            }

            public sealed class Vase : Item
            {
                public override int Fragility { get; set; }
            }

            public static class Shipping
            {
                public static bool Careful(Vase vase) => [|vase.Fragility > 3|];
            }
            """);
    }

    [Fact]
    public async Task RelationalPattern_OnGovernedMember_IsReported()
    {
        await VerifyWithPoliciesAsync("""
            using Shop;
            public static class Refunds
            {
                public static bool TooLate(Order order) => [|order.DaysSincePurchase is > 30 and < 365|];
            }
            """);
    }

    [Fact]
    public async Task ConstantPattern_OnGovernedMember_IsReported()
    {
        await VerifyWithPoliciesAsync("""
            using Shop;
            public static class Perks
            {
                public static bool Gold(Customer customer) => [|customer.Tier is CustomerTier.Gold|];
            }
            """);
    }

    [Fact]
    public async Task PropertyPattern_OnGovernedMember_IsReported()
    {
        await VerifyWithPoliciesAsync("""
            using Shop;
            public static class Refunds
            {
                public static bool TooLate(Order order) => [|order is { DaysSincePurchase: > 30 }|];
            }
            """);
    }

    [Fact]
    public async Task Patterns_NullOrZeroGuards_AreNotReported()
    {
        await VerifyWithPoliciesAsync("""
            using Shop;
            public static class Guards
            {
                public static bool Fresh(Order order) => order.DaysSincePurchase is 0;
                public static bool Known(Order? order) => order?.DaysSincePurchase is not null;
                public static bool Typed(object value) => value is Order { DaysSincePurchase: var days } && days.ToString().Length > 0;
            }
            """);
    }

    [Fact]
    public async Task SwitchExpressionArms_OnGovernedMember_AreReportedPerArm()
    {
        await VerifyWithPoliciesAsync("""
            using Shop;
            public static class Refunds
            {
                public static string Label(Order order) => order.DaysSincePurchase switch
                {
                    [|> 365|] => "ancient",
                    [|> 30|] => "too late",
                    0 => "today",
                    _ => "fine",
                };
            }
            """);
    }

    [Fact]
    public async Task SwitchStatementCases_OnGovernedMember_TheStatesThePolicyNamesAreReported()
    {
        await VerifyWithPoliciesAsync("""
            using Shop;
            public static class Perks
            {
                public static int Discount(Customer customer)
                {
                    switch (customer.Tier)
                    {
                        case [|CustomerTier.Gold|]:
                            return 10;
                        case CustomerTier.Silver:
                            return 5;
                        default:
                            return 0;
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task LinqPredicate_ComparingGovernedMember_IsReported()
    {
        await VerifyWithPoliciesAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using Shop;
            public static class Reports
            {
                public static int Late(IEnumerable<Order> orders) => orders.Count(o => [|o.DaysSincePurchase > 30|]);
            }
            """);
    }

    [Fact]
    public async Task LinqPredicate_GovernedFlagAlone_IsReported()
    {
        await VerifyWithPoliciesAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using Shop;
            public static class Reports
            {
                public static List<Order> Opened(IEnumerable<Order> orders) => orders.Where([|o => o.IsOpened|]).ToList();
                public static bool AnyUnopened(IEnumerable<Order> orders) => orders.Any([|o => !o.IsOpened|]);
            }
            """);
    }

    [Fact]
    public async Task QueryablePredicate_ThresholdReportedWhileAFlagPickingRowsIsNot()
    {
        // A database query's flag that only picks the rows listed is no decision; the threshold beside it is the policy's.
        await VerifyWithPoliciesAsync("""
            using System.Linq;
            using Shop;
            public static class Reports
            {
                public static IQueryable<Order> Late(IQueryable<Order> orders) =>
                    orders.Where(o => o.IsOpened).Where(o => [|o.DaysSincePurchase > 30|]);

                public static bool AnyOpened(IQueryable<Order> orders) => orders.Where([|o => o.IsOpened|]).Any();
            }
            """);
    }

    [Fact]
    public async Task SortOrGroupKey_OnGovernedMember_IsNotReportedWhileAFilterIs()
    {
        // A CRM's opportunity list sorted by a "rotting" flag computed from the policy's own tests: sorting decides nothing.
        await VerifyWithPoliciesAsync("""
            using System.Linq;
            using Shop;
            public static class Lists
            {
                public static IQueryable<Order> Sorted(IQueryable<Order> orders) =>
                    orders.OrderBy(o => o.IsOpened && o.DaysSincePurchase > 30).ThenByDescending(o => o.DaysSincePurchase > 30);

                public static int Groups(IQueryable<Order> orders) => orders.GroupBy(o => o.DaysSincePurchase > 30).Count();

                public static IQueryable<Order> Late(IQueryable<Order> orders) => orders.Where(o => [|o.DaysSincePurchase > 30|]);
            }
            """);
    }

    [Fact]
    public async Task TestStoredInAProjectedRow_IsNotReportedWhileATestInTheQueryIs()
    {
        // A forum's thread list shows whether its topic is locked: the projection carries the answer to the page.
        await VerifyWithPoliciesAsync("""
            using System.Linq;
            using Shop;
            public sealed class OrderRow
            {
                public bool Late { get; set; }
            }

            public static class Rows
            {
                public static IQueryable<OrderRow> Shown(IQueryable<Order> orders) =>
                    orders.Select(o => new OrderRow { Late = o.IsOpened && o.DaysSincePurchase > 30 });

                public static IQueryable<object> Anonymous(IQueryable<Order> orders) =>
                    orders.Select(o => (object)new { Late = o.DaysSincePurchase > 30 });

                public static IQueryable<bool> Answers(IQueryable<Order> orders) => orders.Select(o => [|o.DaysSincePurchase > 30|]);
            }
            """);
    }

    [Fact]
    public async Task SwitchArm_PropertyPatternOnGovernedMember_IsReported()
    {
        await VerifyWithPoliciesAsync("""
            using Shop;
            public static class Refunds
            {
                public static string Label(Order order) => order switch
                {
                    [|{ DaysSincePurchase: > 30 }|] => "too late",
                    { Total: > 100m } => "large",
                    _ => "fine",
                };
            }
            """);
    }

    [Fact]
    public async Task GovernedFlag_OutsideLinq_IsNotReported()
    {
        await VerifyWithPoliciesAsync("""
            using System;
            using Shop;
            public static class Display
            {
                public static Func<Order, bool> Selector() => o => o.IsOpened;
            }
            """);
    }

    [Fact]
    public async Task Comparison_GovernedByPolicyInReferencedAssembly_IsReported()
    {
        var framework = TestFramework.Net100;
        var domain = framework.CompileReference("Shop.Domain", [ShopSources.Domain]);
        var policies = framework.CompileReference("Shop.Policies", [ShopSources.Policies], [domain]);

        await new VerifyCS.Test
        {
            TestCode = """
                using Shop;
                public sealed class RefundController
                {
                    public string Refund(Order order) => {|#0:{|#1:order|}.DaysSincePurchase > 30|} ? "Too late" : "Refunded";
                }
                """,
            TestState = { AdditionalReferences = { domain, policies } },
            ExpectedDiagnostics = { VerifyCS.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("order.DaysSincePurchase > 30", "policy 'refund-window'") },
        }.RunAsync();
    }

    [Fact]
    public async Task Comparison_GovernedByAttributeInReferencedAssembly_IsReported()
    {
        var domain = TestFramework.Net100.CompileReference("Tickets", ["""
            using PolicyAudit;
            namespace Tickets
            {
                public sealed class Ticket
                {
                    [GovernedBy("ticket-limit")]
                    public int Count { get; set; }
                }
            }
            """]);

        await new VerifyCS.Test
        {
            TestCode = """
                public static class Sales
                {
                    public static bool TooMany(Tickets.Ticket ticket) => [|ticket.Count >= 5|];
                }
                """,
            TestState = { AdditionalReferences = { domain } },
        }.RunAsync();
    }

    [Fact]
    public async Task Comparison_MemberListedInGovernedFile_IsReported()
    {
        await new VerifyCS.Test
        {
            TestCode = """
            using System;
            using PolicyAudit;
            [Policy("opening-hours")]
            public sealed class OpeningHours : Policy
            {
                public override void Define() { }
            }

            public static class Door
            {
                public static bool Closed(DateTime now) => [|now.Hour >= 22|];
            }
            """,
            TestState =
            {
                AdditionalFiles =
                {
                    PolicyAuditTestSetup.GovernedList("""
                        # Framework types we cannot annotate
                        P:System.DateTime.Hour;opening-hours
                        """),
                },
            },
        }.RunAsync();
    }

    [Fact]
    public async Task Comparison_GovernedFileOfReferencedAssembly_IsCarriedAcross()
    {
        var policies = TestFramework.Net100.CompileReference(
            "Policies",
            ["""
            [PolicyAudit.Policy("opening-hours")]
            public sealed class OpeningHours : PolicyAudit.Policy
            {
                public override void Define() { }
            }
            """],
            additionalFiles: [("/src/Policies/PolicyAudit.Governed.txt", "P:System.DateTime.Hour;opening-hours\n")]);

        await new VerifyCS.Test
        {
            TestCode = """
                public static class Door
                {
                    public static bool Closed(System.DateTime now) => [|now.Hour >= 22|];
                }
                """,
            TestState = { AdditionalReferences = { policies } },
        }.RunAsync();
    }

    [Fact]
    public async Task Compilation_WithoutPolicyAuditReference_ReportsNothing()
    {
        // No diagnostic expected: the harness fails on any.
        await new VerifyCS.Test
        {
            ReferencesPolicyAudit = false,
            TestCode = """
                public sealed class Order { public int DaysSincePurchase { get; set; } }
                public static class Refunds { public static bool Late(Order o) => o.DaysSincePurchase > 30; }
                """,
        }.RunAsync();
    }

    [Fact]
    public async Task Diagnostic_Severity_IsWarningWithHelpLink()
    {
        var test = WithPolicies("""
            using Shop;
            public static class Refunds
            {
                public static bool TooLate(Order order) => {|#0:{|#1:order|}.DaysSincePurchase > 30|};
            }
            """);
        test.ExpectedDiagnostics.Add(new DiagnosticResult("PA0001", DiagnosticSeverity.Warning).WithLocation(0).WithLocation(1));
        test.DiagnosticVerifier = (diagnostic, _, verifier) =>
            verifier.Equal("https://github.com/policyaudit/policyaudit/blob/main/analyzers/docs/PA0001.md", diagnostic.Descriptor.HelpLinkUri);

        await test.RunAsync();
    }
    // A query of many operators once cost the tracer 2^n (each operator traced its source twice): the timeout turns
    // such a regression into a failure instead of a build that never ends.
    [Fact(Timeout = 120_000)]
    public async Task Comparison_CountOfLongQueryChain_IsTracedOnceAndReported()
    {
        var chain = string.Concat(Enumerable.Repeat(".Where(o => o.Total > 0).OrderBy(o => o.Total)", 30));
        await VerifyWithPoliciesAsync($$"""
            using System.Linq;
            using Shop;
            public static class Refunds
            {
                public static bool Busy(IQueryable<Order> orders) => orders{{chain}}.Count() > 30;

                public static bool Late(IQueryable<Order> orders) => [|orders{{chain}}.Max(o => o.DaysSincePurchase) > 30|];
            }
            """);
    }
}
