namespace PolicyAudit.Reliability.Tests;

/// <summary>Override records as the recorder writes them: a waiter waiving the corkage fee, approved by a manager.</summary>
internal static class OverrideSample
{
    public static OverrideRecord Create(string id, DateTimeOffset at) => new()
    {
        Id = id,
        At = at,
        DecisionId = "decision-" + id,
        Staff = "waiter-7",
        Role = StaffRole.Staff,
        Justification = "Regular guest's anniversary; the bottle was a gift from us last year.",
        ApprovedBy = "manager-2",
        ApproverRole = StaffRole.Manager,
        RequiredRole = StaffRole.Manager,
        Decision = new DecisionSnapshot
        {
            DecidedAt = at.AddSeconds(-30),
            Outcome = DecisionOutcome.RequireApproval,
            Policies = [new PolicySnapshot("corkage-fee", DecisionOutcome.RequireApproval, "Corkage covers glassware and service.", StaffRole.Manager)],
            PolicySetVersion = "reliability",
            Customer = "guest-" + id,
            Location = "dining-room",
        },
    };
}
