namespace PolicyAudit.Tests.Reviewing;

public sealed class OwnerPacketTests
{
    [Fact]
    public async Task ForOwner_TwoOwners_OnlyTheirPoliciesCustomersAndStaff()
    {
        var evidence = new ReviewEvidence()
            .Policy("no-substitutions", owner: "Head-Chef")
            .Policy("kitchen-closes", owner: "head-chef")
            .Policy("corkage-fee", owner: "sommelier")
            .Policy("late-menu", owner: "head-chef");
        evidence.Denials("no-substitutions", 20);
        evidence.Override("no-substitutions", "ana", customer: "regular-1", justification: "Allergy");
        evidence.Override("no-substitutions", "ana", customer: "regular-1", justification: "allergic");
        var harmed = evidence.Override("kitchen-closes", "ben", customer: "regular-1", justification: "Train was late");
        evidence.Outcome(harmed, OutcomeKind.Complaint);
        evidence.Override("corkage-fee", "cleo", customer: "regular-2");
        evidence.Override("corkage-fee", "cleo", customer: "regular-2");
        evidence.Override("corkage-fee", "cleo", customer: "regular-2");
        evidence.Override("corkage-fee", "cleo", customer: "regular-1");

        var packet = (await evidence.ReviewAsync()).ForOwner("head-chef");

        Assert.Equal("head-chef", packet.Owner);
        Assert.Equal(["no-substitutions", "kitchen-closes"], packet.Policies.Select(p => p.Id));
        Assert.Equal(["late-menu"], packet.PoliciesWithoutDecisions.Select(p => p.Id));
        Assert.Equal([new RepeatCustomer("regular-1", 3)], packet.RepeatCustomers);
        Assert.Equal(["ana", "ben"], packet.Staff.Select(s => s.Staff));
        var harm = Assert.Single(packet.Policies.Single(p => p.Id == "kitchen-closes").Harms);
        Assert.Equal((harmed, OutcomeKind.Complaint, "regular-1"), (harm.DecisionId, harm.Outcome, harm.Customer));
    }

    [Fact]
    public async Task ForOwner_OneOverrideOfTwoOwnPolicies_CountsOnceForTheCustomer()
    {
        var evidence = new ReviewEvidence().Policy("a", owner: "chef").Policy("b", owner: "chef");
        await evidence.FlushAsync();
        var store = evidence.Store;
        var at = ReviewEvidence.Start.AddHours(1);
        for (var i = 0; i < 3; i++)
        {
            await store.AppendAsync(
                [
                    new DecisionRecord { Id = "d" + i, At = at, Outcome = DecisionOutcome.Deny, Policies = ["a", "b"], Customer = "c1" },
                    new OverrideRecord
                    {
                        Id = "d" + i + ":override", At = at, DecisionId = "d" + i, Staff = "ana", Role = StaffRole.Manager, Justification = "regular",
                        RequiredRole = StaffRole.Manager,
                        Decision = new DecisionSnapshot
                        {
                            DecidedAt = at, Outcome = DecisionOutcome.Deny, Customer = "c1",
                            Policies = [new PolicySnapshot("a", DecisionOutcome.Deny, "no", StaffRole.Manager), new PolicySnapshot("b", DecisionOutcome.Deny, "no", StaffRole.Manager)],
                        },
                    },
                ],
                AppendDurability.Durable);
        }

        var review = await EvidenceReview.RunAsync(store, EvidenceWindow.All);

        // Three overrides, each against a and b: per policy that is 3 + 3, but the customer needed three exceptions.
        Assert.Equal([new RepeatCustomer("c1", 3)], review.ForOwner("chef").RepeatCustomers);
        Assert.Equal([3, 3], review.Policies.Select(p => p.Overrides));
    }

    [Fact]
    public async Task ForOwner_UnknownOwner_EmptyPacket()
    {
        var review = await new ReviewEvidence().Policy("a", owner: "chef").Denials("a", 3).ReviewAsync();

        var packet = review.ForOwner("nobody-here");

        Assert.Empty(packet.Policies);
        Assert.Empty(packet.PoliciesWithoutDecisions);
        Assert.Empty(packet.Staff);
    }
}
