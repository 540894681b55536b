using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// Measured on a payroll SaaS (docs/analyzer-evaluation.md, eighth round): a policy that allows only some states
/// (<c>s.Status != Active &amp;&amp; s.Status != Trialing</c>) denies every other one, so a guard that leaves on one of them
/// (<c>if (subscription.Status == PastDue) return (false, ..)</c>) is its check. A state tested for another reason (a
/// note, a method that tests the allowed states itself) and a single allowed state's other states stay silent.
/// </summary>
public sealed class AllowedStatesShapesTests
{
    private const string Domain = """
        namespace Billing
        {
            public enum SubscriptionStatus { Active, Trialing, PastDue, Canceled }

            public enum OrderStatus { Placed, Paid, Shipped, Cancelled }

            public sealed class Subscription
            {
                public SubscriptionStatus Status { get; set; }
            }

            public sealed class Order
            {
                public OrderStatus Status { get; set; }
            }
        }
        """;

    private const string Policies = """
        using PolicyAudit;
        using Billing;

        namespace Billing.Policies
        {
            [Policy("good-standing")]
            public sealed class GoodStanding : Policy
            {
                public override void Define()
                {
                    Subscription subscription = null!;
                    When().Match(() => subscription, s => s.Status != SubscriptionStatus.Active && s.Status != SubscriptionStatus.Trialing);
                    Then().Deny("Update the payment method to continue.");
                }
            }

            [Policy("cancel-while-placed")]
            public sealed class CancelWhilePlaced : Policy
            {
                public override void Define()
                {
                    Order order = null!;
                    When().Match(() => order, o => o.Status != OrderStatus.Placed);
                    Then().Deny("Only a placed order can be cancelled.");
                }
            }
        }
        """;

    [Fact]
    public async Task GuardLeavingOnAStateOutsideTheAllowedOnes_IsReported()
    {
        await VerifyCS.VerifyBesideAsync("""
            using System;
            using Billing;
            public static class Limits
            {
                public static (bool, string) CanAddEmployee(Subscription subscription)
                {
                    if ([|subscription.Status == SubscriptionStatus.PastDue|])
                    {
                        return (false, "Payment pending.");
                    }

                    if ([|subscription.Status == SubscriptionStatus.Canceled|]) throw new InvalidOperationException("Cancelled.");
                    return (true, "");
                }
            }
            """,
            [Domain, Policies]);
    }

    [Fact]
    public async Task OtherStateNotLeavingOrBesideTheAllowedStatesTest_IsNotReported()
    {
        await VerifyCS.VerifyBesideAsync("""
            using System;
            using Billing;
            public static class Notes
            {
                public static string Note(Subscription subscription)
                {
                    if (subscription.Status == SubscriptionStatus.PastDue)
                    {
                        Console.WriteLine("reminder sent");
                    }

                    return "ok";
                }

                public static string Renew(Subscription subscription)
                {
                    if ([|subscription.Status != SubscriptionStatus.Active|] && [|subscription.Status != SubscriptionStatus.Trialing|]) return "inactive";
                    if (subscription.Status == SubscriptionStatus.Canceled) return "already cancelled";
                    return "renewed";
                }

                public static string Ship(Order order)
                {
                    if (order.Status == OrderStatus.Shipped) return "already shipped";
                    return "shipping";
                }
            }
            """,
            [Domain, Policies]);
    }
}
