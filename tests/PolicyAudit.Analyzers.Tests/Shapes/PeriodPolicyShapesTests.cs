using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// Measured held out on a fitness club's contracts and a court-hearing booking service (docs/analyzer-evaluation.md):
/// policies that order a date against another date of their facts, not the clock (an annex starts before its contract
/// expires; an officer's absence overlaps a hearing). For such a policy the code's ordering of the member against a
/// bound-named value (<c>validFrom</c>, <c>endDate</c>) is the policy's test; for a policy that orders the member
/// against the clock it stays a range kept consistent, and is not reported.
/// </summary>
public sealed class PeriodPolicyShapesTests
{
    private const string Domain = """
        using System;

        namespace Periods
        {
            public sealed class Contract
            {
                public DateTimeOffset ExpiringAt { get; set; }
            }

            public sealed class AttachAnnex
            {
                public DateTimeOffset ValidFrom { get; set; }
            }

            public sealed class Absence
            {
                public DateTime StartTime { get; set; }
                public DateTime EndTime { get; set; }
            }

            public sealed class Hearing
            {
                public DateTime ScheduledDateTime { get; set; }
                public DateTime ScheduledEndTime { get; set; }
            }

            public sealed class Event
            {
                public DateTime EndTime { get; set; }
            }
        }
        """;

    private const string Policies = """
        using System;
        using PolicyAudit;
        using Periods;

        namespace Periods.Policies
        {
            [Policy("annex-within-contract")]
            public sealed class AnnexWithinContract : Policy
            {
                public override void Define()
                {
                    AttachAnnex attach = null!;
                    Contract contract = null!;
                    When().Match(() => attach).Match(() => contract, c => attach.ValidFrom > c.ExpiringAt);
                    Then().Deny("The annex starts after the contract expires.");
                }
            }

            [Policy("officer-unavailable")]
            public sealed class OfficerUnavailable : Policy
            {
                public override void Define()
                {
                    Hearing hearing = null!;
                    Absence absence = null!;
                    When()
                        .Match(() => hearing)
                        .Match(() => absence, a => a.StartTime <= hearing.ScheduledEndTime, a => hearing.ScheduledDateTime <= a.EndTime);
                    Then().Deny("The officer is away then.");
                }
            }

            [Policy("event-closed")]
            public sealed class EventClosed : Policy
            {
                public override void Define()
                {
                    Event e = null!;
                    When().Match(() => e, x => x.EndTime < DateTime.UtcNow);
                    Then().Deny("The event is over.");
                }
            }
        }
        """;

    [Fact]
    public async Task Ordering_AgainstBoundWherePolicyOrdersTwoDates_IsReported()
    {
        await VerifyCS.VerifyBesideAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using Periods;
            public static class Scheduling
            {
                public static bool Attachable(Contract contract, DateTimeOffset validFrom) => [|validFrom <= contract.ExpiringAt|];

                public static bool Away(List<Absence> absences, DateTime startDate, DateTime endDate) =>
                    absences.Where(na => [|na.StartTime <= endDate|]).Where(na => [|startDate <= na.EndTime|]).Any();
            }
            """,
            [Domain, Policies]);
    }

    [Fact]
    public async Task Ordering_OfOneRangesOwnEnds_IsNotReported()
    {
        // leave-system: `if (dateFrom > dateTo) return Error(..)` checks that a period is well formed, not that it meets
        // another one, even where a policy orders the dates of two periods.
        await VerifyCS.VerifyBesideAsync("""
            using System;
            using Periods;
            public static class Validation
            {
                public static void Check(Absence absence)
                {
                    if (absence.StartTime >= absence.EndTime)
                    {
                        throw new ArgumentException("An absence ends after it starts.");
                    }
                }

                public static bool Overlaps(Absence absence, Hearing hearing) => [|absence.StartTime <= hearing.ScheduledEndTime|];
            }
            """,
            [Domain, Policies]);
    }

    [Fact]
    public async Task Ordering_AgainstBoundInDatabaseQuery_IsNotReported()
    {
        // A search over the table (an expression tree a query provider translates) selects rows between a request's
        // bounds; it decides no single case, whatever the policy orders the member against.
        await VerifyCS.VerifyBesideAsync("""
            using System;
            using System.Linq;
            using Periods;
            public sealed class AbsenceSearch
            {
                public DateTime StartDate { get; set; }
                public DateTime EndDate { get; set; }
            }

            public static class Queries
            {
                public static IQueryable<Absence> Between(IQueryable<Absence> absences, AbsenceSearch search) =>
                    absences.Where(a => a.StartTime <= search.EndDate && search.StartDate <= a.EndTime);
            }
            """,
            [Domain, Policies]);
    }

    [Fact]
    public async Task Ordering_AgainstBoundWherePolicyOrdersAgainstClock_IsNotReported()
    {
        await VerifyCS.VerifyBesideAsync("""
            using System;
            using Periods;
            public static class Sessions
            {
                public static void Add(Event ev, DateTime startTime, DateTime endTime)
                {
                    if (ev.EndTime < endTime) throw new InvalidOperationException("The session ends after its event.");
                }
            }
            """,
            [Domain, Policies]);
    }
}
