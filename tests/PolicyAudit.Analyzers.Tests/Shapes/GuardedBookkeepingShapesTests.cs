using Microsoft.CodeAnalysis.Testing;
using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// Measured on an HR system's leave requests (docs/analyzer-evaluation.md, fifteenth round): a cancel handler refuses
/// approved requests first, then, for a request still submitted, releases the days it reserved
/// (<c>if (lr.Status == Submitted) { balance.PendingDays -= lr.DaysRequested; }</c>), and an approve handler copies the
/// recomputed length onto the request when they differ (<c>if (units != lr.DaysRequested) lr.DaysRequested = units;</c>).
/// The guard decides; the later test and the copy keep the books. A later test that refuses, and a test with no guard
/// before it, stay reported.
/// </summary>
public sealed class GuardedBookkeepingShapesTests
{
    private const string Domain = """
        namespace Leave
        {
            public enum LeaveStatus { Submitted, Approved, Cancelled }

            public sealed class LeaveRequest
            {
                public LeaveStatus Status { get; set; }
                public int DaysRequested { get; set; }
                public System.DateTime StartDate { get; set; }
                public System.DateTime EndDate { get; set; }
            }

            public sealed class LeaveBalance
            {
                public int PendingDays { get; set; }
            }
        }
        """;

    private const string Policies = """
        using PolicyAudit;
        using Leave;
        namespace Leave.Policies
        {
            [Policy("approved-leave-not-cancellable")]
            public sealed class ApprovedLeaveNotCancellable : Policy
            {
                public override void Define()
                {
                    LeaveRequest request = null!;
                    When().Match(() => request, r => r.Status == LeaveStatus.Approved);
                    Then().Deny("Approved leave cannot be cancelled.");
                }
            }

            [Policy("no-backdated-leave")]
            public sealed class NoBackdatedLeave : Policy
            {
                public override void Define()
                {
                    LeaveRequest request = null!;
                    When().Match(() => request, r => r.StartDate < System.DateTime.Today);
                    Then().Deny("Leave cannot start in the past.");
                }
            }

            [Policy("long-leave-needs-note")]
            public sealed class LongLeaveNeedsNote : Policy
            {
                public override void Define()
                {
                    LeaveRequest request = null!;
                    When().Match(() => request, r => r.DaysRequested > 2);
                    Then().RequireApproval("More than two days needs a doctor's note.");
                }
            }
        }
        """;

    private static Task VerifyAsync(string markup, params DiagnosticResult[] expected) => VerifyCS.VerifyBesideAsync(markup, [Domain, Policies], expected);

    [Fact]
    public async Task BookkeepingAfterTheGuardAndACopyWhenDifferent_AreNotReported()
    {
        await VerifyAsync("""
            using System;
            using Leave;
            public sealed class CancelLeave
            {
                public void Handle(LeaveRequest lr, LeaveBalance balance)
                {
                    if ({|#0:lr.Status == LeaveStatus.Approved|})
                    {
                        throw new InvalidOperationException("Approved requests cannot be cancelled.");
                    }

                    if (lr.Status == LeaveStatus.Approved)
                    {
                        balance.PendingDays -= lr.DaysRequested;
                    }

                    lr.Status = LeaveStatus.Cancelled;
                }
            }

            public sealed class ApproveLeave
            {
                public void Handle(LeaveRequest lr)
                {
                    var units = (lr.EndDate - lr.StartDate).Days;
                    if (units != lr.DaysRequested)
                    {
                        lr.DaysRequested = units;
                    }
                }
            }
            """,
            VerifyCS.Expected(0, "lr.Status == LeaveStatus.Approved", "policy 'approved-leave-not-cancellable'"));
    }

    [Fact]
    public async Task LaterTestThatRefusesOrATestWithNoGuardBefore_IsReported()
    {
        await VerifyAsync("""
            using System;
            using Leave;
            public sealed class Leaves
            {
                public void Cancel(LeaveRequest lr, LeaveBalance balance)
                {
                    if ({|#0:lr.Status == LeaveStatus.Approved|})
                    {
                        throw new InvalidOperationException("Approved requests cannot be cancelled.");
                    }

                    balance.PendingDays -= lr.DaysRequested;
                }

                public void Adjust(LeaveRequest lr, LeaveBalance balance)
                {
                    if ({|#1:lr.Status == LeaveStatus.Approved|})
                    {
                        balance.PendingDays -= lr.DaysRequested;
                    }
                }

                public int Note(LeaveRequest lr)
                {
                    var units = (lr.EndDate - lr.StartDate).Days;
                    if ({|#2:units != lr.DaysRequested|})
                    {
                        return units;
                    }

                    return 0;
                }
            }
            """,
            VerifyCS.Expected(0, "lr.Status == LeaveStatus.Approved", "policy 'approved-leave-not-cancellable'"),
            VerifyCS.Expected(1, "lr.Status == LeaveStatus.Approved", "policy 'approved-leave-not-cancellable'"),
            VerifyCS.Expected(2, "units != lr.DaysRequested", "policy 'no-backdated-leave'"));
    }
}
