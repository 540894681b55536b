using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace PolicyAudit.Tests.Customers;

public sealed class CustomerHistoryTests
{
    private static readonly StaffMember Manager = new("m-1", StaffRole.Manager);

    [Fact]
    public async Task LoadAsync_OverridesRefusalsAndComplaints_CountsOnlyThisCustomerInTheWindow()
    {
        var store = new InMemoryEvidenceStore();
        var time = new FakeTimeProvider(TestDecisions.Evening);
        var overrides = new OverrideRecorder(store, new JustificationCheck(["ok"]), time, new PolicyAuditTelemetry(), NullLogger.Instance);
        var outcomes = new OutcomeRecorder(store, time, NullLogger.Instance);
        var old = TestDecisions.Make(DecisionOutcome.Deny, customer: "guest-1");
        await overrides.OverrideAsync(old, Manager, "Last month's exception");
        time.Advance(TimeSpan.FromDays(40));
        var windowStart = time.GetUtcNow();
        foreach (var policy in new[] { "corkage-fee", "corkage-fee", "comped-dessert" })
        {
            await overrides.OverrideAsync(TestDecisions.Make(DecisionOutcome.Deny, policyId: policy, customer: "guest-1"), Manager, "Anniversary dinner");
        }

        await overrides.OverrideAsync(TestDecisions.Make(DecisionOutcome.Deny, customer: "guest-2"), Manager, "Someone else");
        var refusedFor = TestDecisions.Make(DecisionOutcome.Deny, customer: "guest-1");
        await Assert.ThrowsAsync<OverrideRefusedException>(() => overrides.OverrideAsync(refusedFor, Manager, "ok"));
        await outcomes.RecordAsync(refusedFor.Id, OutcomeKind.Complaint, "Argued about corkage");
        await outcomes.RecordAsync(refusedFor.Id, OutcomeKind.Compliment);
        var complainedBeforeItsDecisionWasWritten = TestDecisions.Make(DecisionOutcome.Allow, customer: "guest-1");
        await outcomes.RecordAsync(complainedBeforeItsDecisionWasWritten.Id, OutcomeKind.Complaint, "Slow service");
        await store.AppendDecisionsAsync([DecisionRecord.From(complainedBeforeItsDecisionWasWritten) with { At = time.GetUtcNow() }]);
        await outcomes.RecordAsync("someone-elses-decision", OutcomeKind.Complaint);

        var history = await CustomerHistory.LoadAsync(store, "guest-1", new EvidenceWindow(windowStart));

        Assert.Equal(3, history.Overrides);
        Assert.Equal(2, history.OverridesOf("corkage-fee"));
        Assert.Equal(1, history.OverridesOf("comped-dessert"));
        Assert.Equal(0, history.OverridesOf("late-seating"));
        Assert.Equal(1, history.RefusedOverrides);
        Assert.Equal(2, history.Complaints);
    }

    [Fact]
    public async Task LoadAsync_UnknownCustomer_IsEmpty()
    {
        var history = await CustomerHistory.LoadAsync(new InMemoryEvidenceStore(), "nobody-we-know", EvidenceWindow.All);

        Assert.Equal(0, history.Overrides);
        Assert.Empty(history.OverridesByPolicy);
    }

    [Fact]
    public async Task LoadAsync_BlankCustomer_ThrowsArgumentException()
    {
        await Assert.ThrowsAsync<ArgumentException>("customer", () => CustomerHistory.LoadAsync(new InMemoryEvidenceStore(), " ", EvidenceWindow.All));
    }
}
