using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// Measured on a veterinary practice's scheduling (docs/analyzer-evaluation.md, eighth round): a booking window
/// (<c>a.ScheduledAtUtc &lt; DateTime.UtcNow.AddDays(-7)</c>) checked on the request's value before it is stored
/// (<c>scheduledUtc &lt; now.AddDays(-7)</c> in a validator named after the member), and opening hours copied into a
/// positional record (<c>new WorkingHourDto(x.DayOfWeek, x.IsClosed, ..)</c>) whose property is then tested
/// (<c>row.IsClosed</c>). The row is found by its day (<c>FirstOrDefault(x =&gt; x.DayOfWeek == day)</c>): a lookup.
/// </summary>
public sealed class ClockTwinAndRecordCopyShapesTests
{
    private const string Domain = """
        using System;
        namespace Clinic
        {
            public sealed class Appointment
            {
                public DateTime ScheduledAtUtc { get; set; }
            }

            public sealed class WorkingHour
            {
                public DayOfWeek DayOfWeek { get; set; }
                public bool IsClosed { get; set; }
            }
        }
        """;

    private const string Policies = """
        using System;
        using PolicyAudit;
        using Clinic;

        namespace Clinic.Policies
        {
            [Policy("booking-window")]
            public sealed class BookingWindow : Policy
            {
                public override void Define()
                {
                    Appointment appointment = null!;
                    When().Match(() => appointment, a => a.ScheduledAtUtc < DateTime.UtcNow.AddDays(-7));
                    Then().Deny("Appointments are recorded at most a week late.");
                }
            }

            [Policy("closed-day")]
            public sealed class ClosedDay : Policy
            {
                public override void Define()
                {
                    WorkingHour hour = null!;
                    When().Match(() => hour, h => h.IsClosed);
                    Then().Deny("The clinic is closed that day.");
                }
            }

            [Policy("no-sundays")]
            public sealed class NoSundays : Policy
            {
                public override void Define()
                {
                    WorkingHour hour = null!;
                    When().Match(() => hour, h => h.DayOfWeek == DayOfWeek.Sunday);
                    Then().Deny("No appointments on Sundays.");
                }
            }
        }
        """;

    [Fact]
    public async Task DateNamedAfterTheMemberAgainstTheClockOrRecordCopiedFlag_IsReported()
    {
        await VerifyCS.VerifyBesideAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using Clinic;
            public sealed record WorkingHourDto(DayOfWeek DayOfWeek, bool IsClosed);

            public static class Scheduling
            {
                public static string Validate(DateTime scheduledUtc)
                {
                    var now = DateTime.UtcNow;
                    if ([|scheduledUtc < now.AddDays(-7)|]) return "too far in the past";
                    return "";
                }

                public static string Open(IReadOnlyList<WorkingHour> hours, DayOfWeek day)
                {
                    var rows = hours.Select(x => new WorkingHourDto(x.DayOfWeek, x.IsClosed)).ToList();
                    var row = rows.FirstOrDefault(x => x.DayOfWeek == day);
                    if (row is null || [|row.IsClosed|]) return "closed";
                    if ([|row.DayOfWeek == DayOfWeek.Sunday|]) return "Sunday";
                    return "";
                }
            }
            """,
            [Domain, Policies]);
    }

    [Fact]
    public async Task OtherDateOtherDirectionOrUncopiedRecord_IsNotReported()
    {
        await VerifyCS.VerifyBesideAsync("""
            using System;
            using Clinic;
            public sealed record Holiday(DayOfWeek DayOfWeek, bool IsClosed);

            public static class Scheduling
            {
                public static string Validate(DateTime scheduledUtc, DateTime paidUtc)
                {
                    var now = DateTime.UtcNow;
                    if (scheduledUtc > now.AddYears(2)) return "too far ahead";
                    if (paidUtc < now.AddDays(-7)) return "old payment";
                    return "";
                }

                public static bool Closed(Holiday holiday) => holiday.IsClosed;

                // A library's validator helper: a bare `utc` (or `date`) is every date's last word, no date in particular.
                public static bool BeRecent(DateTime utc) => utc < DateTime.UtcNow.AddDays(-7);
            }
            """,
            [Domain, Policies]);
    }
}
