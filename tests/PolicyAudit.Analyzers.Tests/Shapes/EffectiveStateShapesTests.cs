using Microsoft.CodeAnalysis.Testing;
using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// Measured on a veterinary clinic's back end (docs/analyzer-evaluation.md, ninth round): the write-access policy
/// allows two states of a subscription (<c>s.Status != Trialing &amp;&amp; s.Status != Active</c>) beside a test of one of
/// them (<c>s.Status == Trialing &amp;&amp; trial over</c>), and the code refuses the other states, read directly or from an
/// "effective status" a helper computes (<c>var effectiveStatus = GetEffectiveStatus(sub, now)</c>).
/// </summary>
public sealed class EffectiveStateShapesTests
{
    private const string Domain = """
        using System;
        namespace Billing
        {
            public enum SubscriptionStatus { Trialing, Active, ReadOnly, Cancelled }

            public sealed class Subscription
            {
                public SubscriptionStatus Status { get; set; }
                public DateTime? TrialEndsAtUtc { get; set; }
            }
        }
        """;

    private const string Policies = """
        using System;
        using PolicyAudit;
        using Billing;
        namespace Billing.Policies
        {
            [Policy("write-access")]
            public sealed class WriteAccess : Policy
            {
                public override void Define()
                {
                    Subscription subscription = null!;
                    When().Match(() => subscription,
                        s => (s.Status == SubscriptionStatus.Trialing && s.TrialEndsAtUtc != null && s.TrialEndsAtUtc <= DateTime.UtcNow)
                             || (s.Status != SubscriptionStatus.Trialing && s.Status != SubscriptionStatus.Active));
                    Then().Deny("The tenant is read-only.");
                }
            }
        }
        """;

    private static Task VerifyAsync(string markup, params DiagnosticResult[] expected) => VerifyCS.VerifyBesideAsync(markup, [Domain, Policies], expected);

    [Fact]
    public async Task RefusingAStateOutsideTheAllowedOnes_DirectlyOrThroughAnEffectiveStatus_IsReported()
    {
        await VerifyAsync("""
            using System;
            using Billing;
            public static class WriteGate
            {
                public static SubscriptionStatus GetEffectiveStatus(Subscription subscription, DateTime now) =>
                    {|#0:subscription.Status == SubscriptionStatus.Trialing|} && {|#1:subscription.TrialEndsAtUtc <= now|} ? SubscriptionStatus.ReadOnly : subscription.Status;

                public static string? Refusal(Subscription subscription)
                {
                    var effectiveStatus = GetEffectiveStatus(subscription, DateTime.UtcNow);
                    if ({|#2:effectiveStatus == SubscriptionStatus.ReadOnly|})
                    {
                        return "read-only";
                    }

                    if ({|#3:subscription.Status == SubscriptionStatus.Cancelled|})
                    {
                        return "cancelled";
                    }

                    return null;
                }
            }
            """,
            VerifyCS.Expected(0, "subscription.Status == SubscriptionStatus.Trialing", "policy 'write-access'"),
            VerifyCS.Expected(1, "subscription.TrialEndsAtUtc <= now", "policy 'write-access'"),
            VerifyCS.Expected(2, "effectiveStatus == SubscriptionStatus.ReadOnly", "policy 'write-access'"),
            VerifyCS.Expected(3, "subscription.Status == SubscriptionStatus.Cancelled", "policy 'write-access'"));
    }

    [Fact]
    public async Task StateOutsideTheAllowedOnesThatDoesNotRefuse_IsNotReported()
    {
        await VerifyAsync("""
            using System;
            using Billing;
            public static class Labels
            {
                public static string Describe(Subscription subscription, Func<Subscription, SubscriptionStatus> effective)
                {
                    var effectiveStatus = effective(subscription);
                    var text = "normal";
                    if (effectiveStatus == SubscriptionStatus.ReadOnly)
                    {
                        text = "read-only";
                    }

                    return text;
                }
            }
            """);
    }
}
