using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace PolicyAudit.Tests.Reviewing;

public sealed class PolicyOutcomeCountingTests
{
    [Fact]
    public async Task RunAsync_PolicyThatOnlyAllowedInADeniedDecision_CountsNoDenialForIt()
    {
        var store = new InMemoryEvidenceStore();
        await store.AppendAsync(
            [Decision("d1", DecisionOutcome.Deny, ["corkage-fee", "bottles-need-sommelier", "special-bottles-welcome"], [DecisionOutcome.Deny, DecisionOutcome.RequireApproval, DecisionOutcome.Allow])],
            AppendDurability.Durable);

        var review = await EvidenceReview.RunAsync(store, EvidenceWindow.All);

        Assert.Equal(1, Figures(review, "corkage-fee").Denials);
        Assert.Equal(1, Figures(review, "bottles-need-sommelier").Denials);
        Assert.Equal(0, Figures(review, "special-bottles-welcome").Denials);
        Assert.Equal(1, Figures(review, "special-bottles-welcome").Decisions);
    }

    [Fact]
    public async Task RunAsync_RecordWithoutPolicyOutcomes_CountsTheDenialForEveryListedPolicy()
    {
        var store = new InMemoryEvidenceStore();
        await store.AppendAsync([Decision("d1", DecisionOutcome.Deny, ["corkage-fee", "special-bottles-welcome"], null)], AppendDurability.Durable);

        var review = await EvidenceReview.RunAsync(store, EvidenceWindow.All);

        Assert.Equal(1, Figures(review, "corkage-fee").Denials);
        Assert.Equal(1, Figures(review, "special-bottles-welcome").Denials);
    }

    [Fact]
    public async Task OverrideAsync_DenyAndRequireApprovalAndAllow_NeedsTheHighestAuthorityOfTheRestrictingPoliciesOnly()
    {
        var store = new InMemoryEvidenceStore();
        var services = new ServiceCollection();
        services.AddPolicyAudit(o => o.AddPolicy<CorkageFee>().AddPolicy<BottlesNeedSommelier>().AddPolicy<SpecialBottlesWelcome>()
            .UseTimeProvider(new FakeTimeProvider(TestDecisions.Evening))).UseInMemoryStore(store);
        await using var provider = services.BuildServiceProvider();
        var decision = provider.GetRequiredService<IPolicyEngine>().Evaluate(new Bottle("Barolo"));

        var refused = await Assert.ThrowsAsync<OverrideRefusedException>(() =>
            provider.GetRequiredService<IOverrideRecorder>().OverrideAsync(decision, new StaffMember("s-1", StaffRole.Supervisor), "Anniversary bottle"));
        await provider.GetRequiredService<IOverrideRecorder>().OverrideAsync(decision, new StaffMember("m-1", StaffRole.Manager), "Anniversary bottle");
        await provider.GetRequiredService<IDecisionLog>().FlushAsync();

        var records = (await store.ReadAllAsync()).Select(s => s.Record).ToArray();
        var overridden = records.OfType<OverrideRecord>().Single();
        var recorded = records.OfType<DecisionRecord>().Single();
        Assert.Equal(StaffRole.Manager, decision.RequiredRole);
        Assert.Equal(OverrideRefusalReason.InsufficientAuthority, refused.Reason);
        Assert.Equal(StaffRole.Manager, overridden.RequiredRole);
        Assert.Equal(["corkage-fee", "bottles-need-sommelier"], overridden.Decision.Policies.Select(p => p.PolicyId));
        Assert.Equal(["corkage-fee", "bottles-need-sommelier", "special-bottles-welcome"], recorded.Policies);
        Assert.Equal([DecisionOutcome.Deny, DecisionOutcome.RequireApproval, DecisionOutcome.Allow], recorded.PolicyOutcomes);
        var review = await EvidenceReview.RunAsync(store, EvidenceWindow.All);
        Assert.Equal(1, Figures(review, "bottles-need-sommelier").Overrides);
        Assert.Equal(0, Figures(review, "special-bottles-welcome").Overrides);
    }

    private static PolicyReview Figures(PolicyAudit.Review review, string policyId) => review.Policies.Single(p => p.Id == policyId);

    private static DecisionRecord Decision(string id, DecisionOutcome outcome, string[] policies, DecisionOutcome[]? outcomes) => new()
    {
        Id = id,
        At = TestDecisions.Evening,
        Outcome = outcome,
        Policies = policies,
        PolicyOutcomes = outcomes,
    };

    public sealed record Bottle(string Wine);

    [Policy("corkage-fee", OverridableBy = StaffRole.Supervisor)]
    public sealed class CorkageFee : Policy
    {
        public override void Define()
        {
            Bottle bottle = null!;
            When().Match(() => bottle);
            Then().Deny("Corkage applies");
        }
    }

    [Policy("bottles-need-sommelier", OverridableBy = StaffRole.Manager)]
    public sealed class BottlesNeedSommelier : Policy
    {
        public override void Define()
        {
            Bottle bottle = null!;
            When().Match(() => bottle);
            Then().RequireApproval("The sommelier must see the bottle");
        }
    }

    [Policy("special-bottles-welcome", OverridableBy = StaffRole.Owner)]
    public sealed class SpecialBottlesWelcome : Policy
    {
        public override void Define()
        {
            Bottle bottle = null!;
            When().Match(() => bottle);
            Then().Allow("Special bottles are welcome");
        }
    }
}
