using Microsoft.CodeAnalysis.Testing;
using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// Measured on an e-commerce API and a clinic's system (docs/analyzer-evaluation.md, fifteenth round): constructors and
/// setters refuse a new expiry or appointment date in the past before storing it
/// (<c>if (expiresAt &lt; now) throw ..; ExpiresAt = expiresAt;</c>), beside a policy that denies on the stored date
/// against the clock. The new date checked against the clock itself validates input; one checked against the policy's
/// span, or compared without being stored, stays reported.
/// </summary>
public sealed class NewDateShapesTests
{
    private const string Policies = """
        using System;
        using PolicyAudit;
        using Shop;
        namespace Shop.Policies
        {
            [Policy("discount-expired")]
            public sealed class DiscountExpired : Policy
            {
                public override void Define()
                {
                    Discount discount = null!;
                    When().Match(() => discount, d => d.ExpiresAt < DateTime.UtcNow);
                    Then().Deny("The code has expired.");
                }
            }

            [Policy("book-two-hours-ahead")]
            public sealed class BookTwoHoursAhead : Policy
            {
                public override void Define()
                {
                    Visit visit = null!;
                    When().Match(() => visit, v => v.StartsAt < DateTime.UtcNow.AddHours(2));
                    Then().Deny("Book at least two hours ahead.");
                }
            }
        }
        """;

    [Fact]
    public async Task NewDateCheckedAgainstTheClockBeforeItIsStored_IsNotReported()
    {
        await VerifyCS.VerifyBesideAsync("""
            using System;
            namespace Shop
            {
                public sealed class Discount
                {
                    public Discount(DateTime expiresAt, DateTime now)
                    {
                        if (expiresAt < now)
                            throw new ArgumentException("The expiry date lies in the past.", nameof(expiresAt));

                        ExpiresAt = expiresAt;
                    }

                    public DateTime ExpiresAt { get; private set; }
                }

                public sealed class Visit
                {
                    public DateTime StartsAt { get; private set; }

                    public void Move(DateTime startsAt)
                    {
                        if (startsAt <= DateTime.UtcNow)
                            throw new ArgumentException("A visit cannot start in the past.", nameof(startsAt));

                        StartsAt = startsAt;
                    }
                }
            }
            """,
            [Policies]);
    }

    [Fact]
    public async Task NewDateAgainstThePolicysSpanOrNotStored_IsReported()
    {
        await VerifyCS.VerifyBesideAsync("""
            using System;
            namespace Shop
            {
                public sealed class Discount
                {
                    public DateTime ExpiresAt { get; set; }

                    public static bool Lapsed(DateTime expiresAt, DateTime now) => {|#0:expiresAt < now|};
                }

                public sealed class Visit
                {
                    public DateTime StartsAt { get; private set; }

                    public void Move(DateTime startsAt)
                    {
                        if ({|#1:startsAt < DateTime.UtcNow.AddHours(2)|})
                            throw new InvalidOperationException("Book at least two hours ahead.");

                        StartsAt = startsAt;
                    }
                }
            }
            """,
            [Policies],
            VerifyCS.Expected(0, "expiresAt < now", "policy 'discount-expired'"),
            VerifyCS.Expected(1, "startsAt < DateTime.UtcNow.AddHours(2)", "policy 'book-two-hours-ahead'"));
    }
}
