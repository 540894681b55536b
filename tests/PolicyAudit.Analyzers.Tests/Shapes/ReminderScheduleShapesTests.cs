using Microsoft.CodeAnalysis.Testing;
using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// Measured on a home-services booking app (docs/analyzer-evaluation.md, eleventh round): a reminder time computed from
/// a governed date is compared with the clock only so that a past time is not handed to the scheduler.
/// </summary>
public sealed class ReminderScheduleShapesTests
{
    private const string Domain = """
        namespace Visits
        {
            public sealed class Booking
            {
                public int Id { get; set; }
                public System.DateTime StartsAt { get; set; }
            }

            public interface IJobs
            {
                void ScheduleReminder(int bookingId, System.DateTime at);
            }
        }
        """;

    private const string Policies = """
        using System;
        using PolicyAudit;
        using Visits;
        namespace Visits.Policies
        {
            [Policy("cancellation-notice")]
            public sealed class CancellationNotice : Policy
            {
                public override void Define()
                {
                    Booking booking = null!;
                    When().Match(() => booking, b => b.StartsAt - DateTime.UtcNow < TimeSpan.FromHours(24));
                    Then().Deny("Too late to cancel.");
                }
            }
        }
        """;

    private static Task VerifyAsync(string markup, params DiagnosticResult[] expected) => VerifyCS.VerifyBesideAsync(markup, [Domain, Policies], expected);

    [Fact]
    public async Task Book_ReminderTimeHandedToTheScheduler_IsNotReported()
    {
        await VerifyAsync("""
            using System;
            using Visits;
            public static class Reminders
            {
                public static void Book(Booking booking, IJobs jobs)
                {
                    var remindAt = booking.StartsAt.AddHours(-2);
                    if (remindAt > DateTime.UtcNow)
                        jobs.ScheduleReminder(booking.Id, remindAt);
                }
            }
            """);
    }

    [Fact]
    public async Task Cancel_DeadlineTimeRefused_IsReported()
    {
        await VerifyAsync("""
            using System;
            using Visits;
            public static class Cancellations
            {
                public static void Cancel(Booking booking, IJobs jobs)
                {
                    var deadline = booking.StartsAt.AddHours(-24);
                    if ({|#0:deadline < DateTime.UtcNow|})
                        throw new InvalidOperationException("Too late to cancel.");
                    jobs.ScheduleReminder(booking.Id, deadline);
                }
            }
            """,
            VerifyCS.Expected(0, "deadline < DateTime.UtcNow", "policy 'cancellation-notice'"));
    }
}
