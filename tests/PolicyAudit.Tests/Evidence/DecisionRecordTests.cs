namespace PolicyAudit.Tests.Evidence;

// DecisionRecord.From and Decision's determining policies are built without LINQ (they run for every decision); these
// pin the order and de-duplication the LINQ versions gave.
public sealed class DecisionRecordTests
{
    [Fact]
    public void From_FiredPoliciesInAnyOrder_ListsEachPolicyOnceStrongestFirstKeepingOrderWithinAnOutcome()
    {
        var decision = TestDecisions.Make(
            DecisionOutcome.Deny,
            "guest-1",
            ("allow-a", DecisionOutcome.Allow, StaffRole.Staff),
            ("approve-b", DecisionOutcome.RequireApproval, StaffRole.Supervisor),
            ("deny-c", DecisionOutcome.Deny, StaffRole.Manager),
            ("approve-b", DecisionOutcome.Deny, StaffRole.Supervisor),
            ("approve-a", DecisionOutcome.RequireApproval, StaffRole.Supervisor),
            ("deny-c", DecisionOutcome.Deny, StaffRole.Manager));

        var record = DecisionRecord.From(decision);

        Assert.Equal(["deny-c", "approve-b", "approve-a", "allow-a"], record.Policies);
        Assert.Equal([DecisionOutcome.Deny, DecisionOutcome.Deny, DecisionOutcome.RequireApproval, DecisionOutcome.Allow], record.PolicyOutcomes!);
        Assert.Equal(["deny-c", "approve-b", "deny-c"], decision.DeterminingPolicies.Select(p => p.PolicyId));
    }

    [Fact]
    public void From_NothingFired_ListsNoPolicies()
    {
        var decision = TestDecisions.Make(DecisionOutcome.Allow, "guest-1");

        var record = DecisionRecord.From(decision);

        Assert.Empty(record.Policies);
        Assert.Empty(record.PolicyOutcomes!);
        Assert.Empty(decision.DeterminingPolicies);
    }
}
