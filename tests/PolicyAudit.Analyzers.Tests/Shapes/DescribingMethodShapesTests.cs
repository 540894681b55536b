using Microsoft.CodeAnalysis.Testing;
using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// Measured on a clinic's system, a rent-collection app and a scheduling service (docs/analyzer-evaluation.md,
/// fifteenth round): a method that always answers with a text (<c>if (timeUntil.TotalHours &lt; 1) return $"in {..}
/// minutes";</c>, <c>return $"Payment is within grace period"</c>) describes the case, and a loop whose counter, moved by
/// a step, runs up to a governed bound (<c>for (var cursor = start; cursor + step &lt;= end; cursor += step)</c>) repeats
/// work. A method that answers with a message only when it refuses is a check.
/// </summary>
public sealed class DescribingMethodShapesTests
{
    private const string Domain = """
        using System;
        namespace Rent
        {
            public sealed class Lease
            {
                public int GraceDays { get; set; }
                public int DaysOverdue { get; set; }
                public DateTime ClosesAt { get; set; }
            }
        }
        """;

    private const string Policies = """
        using PolicyAudit;
        using Rent;
        namespace Rent.Policies
        {
            [Policy("late-fee")]
            public sealed class LateFee : Policy
            {
                public override void Define()
                {
                    Lease lease = null!;
                    When().Match(() => lease, l => l.DaysOverdue > l.GraceDays);
                    Then().RequireApproval("A late fee applies.");
                }
            }

            [Policy("booking-closes")]
            public sealed class BookingCloses : Policy
            {
                public override void Define()
                {
                    Lease lease = null!;
                    When().Match(() => lease, l => l.ClosesAt < System.DateTime.UtcNow);
                    Then().Deny("Booking has closed.");
                }
            }
        }
        """;

    private static Task VerifyAsync(string markup, params DiagnosticResult[] expected) => VerifyCS.VerifyBesideAsync(markup, [Domain, Policies], expected);

    [Fact]
    public async Task TestsThatChooseTheWordsOrBoundALoop_AreNotReported()
    {
        await VerifyAsync("""
            using System;
            using System.Collections.Generic;
            using Rent;
            public static class Describe
            {
                public static string LateFeeDetails(Lease lease)
                {
                    if (lease.DaysOverdue <= lease.GraceDays)
                    {
                        return $"Within the grace period ({lease.GraceDays} days). No late fee applies.";
                    }

                    return $"{lease.DaysOverdue - lease.GraceDays} days past the grace period.";
                }

                public static List<DateTime> Slots(Lease lease, DateTime start)
                {
                    var slots = new List<DateTime>();
                    var step = TimeSpan.FromMinutes(30);
                    for (var cursor = start; cursor + step <= lease.ClosesAt; cursor += step)
                    {
                        slots.Add(cursor);
                    }

                    return slots;
                }
            }
            """);
    }

    [Fact]
    public async Task MessageOnlyWhenRefusing_IsReported()
    {
        await VerifyAsync("""
            using Rent;
            public static class Validate
            {
                public static string? Problem(Lease lease)
                {
                    if ({|#0:lease.DaysOverdue > lease.GraceDays|})
                    {
                        return "A late fee is due first.";
                    }

                    return null;
                }
            }
            """,
            VerifyCS.Expected(0, "lease.DaysOverdue > lease.GraceDays", "policy 'late-fee'"));
    }
}
