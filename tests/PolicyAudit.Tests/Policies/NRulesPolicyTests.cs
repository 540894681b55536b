using NRules.Fluent.Dsl;

namespace PolicyAudit.Tests.Policies;

/// <summary>Policies written with NRules' DSL beyond a single match: joins, Not, Exists, Or, Let/Having and Query aggregates.</summary>
public sealed class NRulesPolicyTests
{
    [Fact]
    public async Task Evaluate_JoinAcrossFacts_FiresOnlyForTheMatchingPair()
    {
        await using var engine = TestEngine.For(typeof(AllergenCheck));
        var guest = new Guest("guest-1", Allergy: "peanut");

        var decision = engine.Evaluate(guest, new Dish("satay", Allergen: "peanut"), new Dish("soup", Allergen: "celery"));
        var safe = engine.Evaluate(guest, new Dish("soup", Allergen: "celery"));

        Assert.Equal(DecisionOutcome.Deny, decision.Outcome);
        Assert.Equal("satay contains peanut, which guest-1 is allergic to", Assert.Single(decision.DeterminingPolicies).Reason);
        Assert.True(safe.IsAllowed);
        Assert.Empty(safe.FiredPolicies);
    }

    [Fact]
    public async Task Evaluate_NotWithAMatchingFact_DoesNotFire()
    {
        await using var engine = TestEngine.For(typeof(WalkInNeedsHost));

        var walkIn = engine.Evaluate(new Seating("guest-1", PartySize: 4));
        var booked = engine.Evaluate(new Seating("guest-1", PartySize: 4), new Reservation("guest-1"));
        var bookedByAnother = engine.Evaluate(new Seating("guest-1", PartySize: 4), new Reservation("guest-2"));

        Assert.Equal(DecisionOutcome.RequireApproval, walkIn.Outcome);
        Assert.Equal("guest-1 has no reservation", Assert.Single(walkIn.DeterminingPolicies).Reason);
        Assert.True(booked.IsAllowed);
        Assert.Equal(DecisionOutcome.RequireApproval, bookedByAnother.Outcome);
    }

    [Fact]
    public async Task Evaluate_NotOfNothingAcrossReusedSessions_FiresEveryTimeItHolds()
    {
        await using var engine = TestEngine.For(typeof(ManagerOnDuty));

        var outcomes = new[]
        {
            engine.Evaluate(new Seating("guest-1", 2)).Outcome,
            engine.Evaluate(new Seating("guest-2", 2)).Outcome,
            engine.Evaluate(new Seating("guest-3", 2), new Manager("m-1")).Outcome,
            engine.Evaluate(new Seating("guest-4", 2)).Outcome,
        };

        Assert.Equal([DecisionOutcome.RequireApproval, DecisionOutcome.RequireApproval, DecisionOutcome.Allow, DecisionOutcome.RequireApproval], outcomes);
    }

    [Fact]
    public async Task Evaluate_FourthExceptionThisMonth_QueryCountNeedsAManager()
    {
        await using var engine = TestEngine.For(typeof(FourthExceptionNeedsManager));
        var guest = new ServiceContext("guest-1", "harbour-street");
        PastException[] Exceptions(int count, string customer = "guest-1") =>
            Enumerable.Range(1, count).Select(i => new PastException(customer, $"corkage-fee #{i}")).ToArray();

        var third = engine.Evaluate([guest, .. Exceptions(2)]);
        var fourth = engine.Evaluate([guest, .. Exceptions(3)]);
        var othersExceptions = engine.Evaluate([guest, .. Exceptions(5, "guest-2")]);

        Assert.True(third.IsAllowed);
        Assert.Equal(DecisionOutcome.RequireApproval, fourth.Outcome);
        Assert.Equal("guest-1 already had 3 exceptions this month", Assert.Single(fourth.DeterminingPolicies).Reason);
        Assert.Equal(StaffRole.Manager, fourth.RequiredRole);
        Assert.True(othersExceptions.IsAllowed);
    }

    [Fact]
    public async Task Evaluate_OrExistsLetAndHaving_FireAsNRulesDefines()
    {
        await using var engine = TestEngine.For(typeof(LargeBillNeedsDeposit));

        var regularLarge = engine.Evaluate(new Guest("guest-1", "none"), new Seating("guest-1", 12), new Bill("guest-1", 12 * 60m));
        var vipSmall = engine.Evaluate(new Guest("vip-1", "none"), new Vip("vip-1"), new Seating("vip-1", 2), new Bill("vip-1", 2 * 60m));
        var regularSmall = engine.Evaluate(new Guest("guest-2", "none"), new Seating("guest-2", 2), new Bill("guest-2", 2 * 60m));

        Assert.Equal("A bill of 720 needs a deposit", Assert.Single(regularLarge.DeterminingPolicies).Reason);
        Assert.Equal("A bill of 120 needs a deposit", Assert.Single(vipSmall.DeterminingPolicies).Reason);
        Assert.True(regularSmall.IsAllowed);
    }

    [Fact]
    public async Task Evaluate_EqualRecordsAsFacts_AreSeparateFacts()
    {
        await using var engine = TestEngine.For(typeof(CorkageFee));

        var decision = engine.Evaluate(new Bottle("Barolo"), new Bottle("Barolo"));

        Assert.Equal(["Corkage applies to Barolo", "Corkage applies to Barolo"], decision.DeterminingPolicies.Select(p => p.Reason));
    }

    [Fact]
    public async Task Evaluate_SameObjectTwice_ThrowsNamingBothPositions()
    {
        await using var engine = TestEngine.For(typeof(CorkageFee));
        var bottle = new Bottle("Barolo");

        var error = Assert.Throws<ArgumentException>("facts", () => engine.Evaluate(bottle, new Guest("guest-1", "none"), bottle));

        Assert.Contains("Fact 2 (Bottle) is the same object as fact 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_SameObjectTwiceAmongManyFacts_ThrowsNamingBothPositions()
    {
        await using var engine = TestEngine.For(typeof(CorkageFee));
        var repeated = new PastException("guest-1", "corkage-fee");
        object[] facts = [.. Enumerable.Range(0, 20).Select(i => new PastException("guest-1", $"#{i}")), repeated, new Bottle("Barolo"), repeated];

        var error = Assert.Throws<ArgumentException>("facts", () => engine.Evaluate(facts));

        Assert.Contains("Fact 22 (PastException) is the same object as fact 20", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_TwoPoliciesWithEqualOutcomes_BothDetermine()
    {
        await using var engine = TestEngine.For(typeof(CorkageFee), typeof(CorkageFeeOnTheTerrace));

        var decision = engine.Evaluate(new Bottle("Barolo"));

        Assert.Equal(["corkage-fee", "corkage-fee-on-the-terrace"], decision.DeterminingPolicies.Select(p => p.PolicyId));
        Assert.All(decision.DeterminingPolicies, p => Assert.Equal("Corkage applies to Barolo", p.Reason));
    }

    [Fact]
    public void AddPoliciesFrom_AssemblyWithPlainNRulesRules_TakesOnlyPolicies()
    {
        var options = new PolicyAuditOptions().AddPoliciesFrom(typeof(NRulesPolicyTests).Assembly);

        Assert.Contains(typeof(CorkageFee), options.PolicyTypes);
        Assert.DoesNotContain(typeof(PlainNRulesRule), options.PolicyTypes);
        Assert.Throws<ArgumentException>("policyType", () => new PolicyAuditOptions().AddPolicy(typeof(PlainNRulesRule)));
    }

    public sealed record Guest(string Id, string Allergy);

    public sealed record Dish(string Name, string Allergen);

    public sealed record Seating(string Guest, int PartySize);

    public sealed record Reservation(string Guest);

    public sealed record Manager(string Id);

    public sealed record Vip(string Guest);

    public sealed record Bill(string Guest, decimal Amount);

    public sealed record Bottle(string Wine);

    public sealed record PastException(string Customer, string What);

    public sealed record Deposit(string Guest);

    [Policy("allergen-check", OverridableBy = StaffRole.Nobody)]
    internal sealed class AllergenCheck : Policy
    {
        public override void Define()
        {
            Guest guest = null!;
            Dish dish = null!;
            When()
                .Match(() => guest)
                .Match(() => dish, d => d.Allergen == guest.Allergy);
            Then().Deny(() => dish.Name + " contains " + dish.Allergen + ", which " + guest.Id + " is allergic to");
        }
    }

    [Policy("walk-in-needs-host", OverridableBy = StaffRole.Staff)]
    internal sealed class WalkInNeedsHost : Policy
    {
        public override void Define()
        {
            Seating seating = null!;
            When()
                .Match(() => seating)
                .Not<Reservation>(r => r.Guest == seating.Guest);
            Then().RequireApproval(() => seating.Guest + " has no reservation");
        }
    }

    [Policy("manager-on-duty", OverridableBy = StaffRole.Supervisor)]
    private sealed class ManagerOnDuty : Policy
    {
        public override void Define()
        {
            When().Not<Manager>();
            Then().RequireApproval("No manager is on duty");
        }
    }

    [Policy("fourth-exception-needs-manager", OverridableBy = StaffRole.Manager)]
    internal sealed class FourthExceptionNeedsManager : Policy
    {
        public override void Define()
        {
            ServiceContext context = null!;
            IEnumerable<PastException> earlier = null!;
            When()
                .Match(() => context)
                .Query(() => earlier, q => q
                    .Match<PastException>(e => e.Customer == context.Customer)
                    .Collect()
                    .Where(c => c.Count() >= 3));
            Then().RequireApproval(() => context.Customer + " already had " + earlier.Count() + " exceptions this month");
        }
    }

    [Policy("large-bill-needs-deposit", OverridableBy = StaffRole.Supervisor)]
    internal sealed class LargeBillNeedsDeposit : Policy
    {
        public override void Define()
        {
            Guest guest = null!;
            Seating seating = null!;
            Bill bill = null!;
            decimal total = 0;
            When()
                .Match(() => guest)
                .Or(x => x
                    .Exists<Vip>(v => v.Guest == guest.Id)
                    .And(y => y.Match(() => seating, s => s.Guest == guest.Id, s => s.PartySize >= 10)))
                .Match(() => bill, b => b.Guest == guest.Id)
                .Not<Deposit>(d => d.Guest == guest.Id)
                .Let(() => total, () => bill.Amount)
                .Having(() => total > 100m);
            Then().RequireApproval(() => "A bill of " + total + " needs a deposit");
        }
    }

    [Policy("corkage-fee", OverridableBy = StaffRole.Supervisor)]
    private sealed class CorkageFee : Policy
    {
        public override void Define()
        {
            Bottle bottle = null!;
            When().Match(() => bottle);
            Then().Deny(() => "Corkage applies to " + bottle.Wine);
        }
    }

    [Policy("corkage-fee-on-the-terrace", OverridableBy = StaffRole.Supervisor)]
    private sealed class CorkageFeeOnTheTerrace : Policy
    {
        public override void Define()
        {
            Bottle bottle = null!;
            When().Match(() => bottle);
            Then().Deny(() => "Corkage applies to " + bottle.Wine);
        }
    }

    /// <summary>A plain NRules rule living beside policies: AddPoliciesFrom must leave it alone.</summary>
    private sealed class PlainNRulesRule : Rule
    {
        public override void Define()
        {
            Bottle bottle = null!;
            When().Match(() => bottle);
            Then().Do(ctx => ctx.Insert(new Deposit(bottle.Wine)));
        }
    }
}
