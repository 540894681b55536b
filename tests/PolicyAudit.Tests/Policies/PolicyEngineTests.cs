using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace PolicyAudit.Tests.Policies;

public sealed class PolicyEngineTests : IAsyncLifetime
{
    private readonly InMemoryEvidenceStore _store = new();
    private readonly FakeTimeProvider _time = new(TestDecisions.Evening);
    private DecisionBuffer? _buffer;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_buffer is not null)
        {
            await _buffer.DisposeAsync();
        }
    }

    [Fact]
    public void Evaluate_NoPolicyFires_Allows()
    {
        var engine = CreateEngine(typeof(CorkageFee), typeof(LateSeating));

        var decision = engine.Evaluate(new Bottle("Sancerre", WaiverRequested: false));

        Assert.Equal(DecisionOutcome.Allow, decision.Outcome);
        Assert.Empty(decision.FiredPolicies);
        Assert.Empty(decision.DeterminingPolicies);
    }

    [Fact]
    public void Evaluate_DenyRequireApprovalAndAllowFire_DenyWinsAndOnlyDeniesDetermine()
    {
        var engine = CreateEngine(typeof(CorkageFee), typeof(BottlesNeedSommelier), typeof(SpecialBottlesWelcome), typeof(NoBottlesOnOurList));

        var decision = engine.Evaluate(new Bottle("Sancerre", WaiverRequested: true, OnOurList: true));

        Assert.Equal(DecisionOutcome.Deny, decision.Outcome);
        Assert.Equal(["corkage-fee", "no-bottles-on-our-list"], decision.DeterminingPolicies.Select(p => p.PolicyId));
        Assert.Equal(["corkage-fee", "no-bottles-on-our-list", "bottles-need-sommelier", "special-bottles-welcome"], decision.FiredPolicies.Select(p => p.PolicyId));
        Assert.Equal(StaffRole.Manager, decision.RequiredRole);
    }

    [Fact]
    public void Evaluate_RequireApprovalAndAllowFire_RequireApprovalWins()
    {
        var engine = CreateEngine(typeof(CorkageFee), typeof(BottlesNeedSommelier), typeof(SpecialBottlesWelcome));

        var decision = engine.Evaluate(new Bottle("Sancerre", WaiverRequested: false));

        Assert.Equal(DecisionOutcome.RequireApproval, decision.Outcome);
        var determining = Assert.Single(decision.DeterminingPolicies);
        Assert.Equal("bottles-need-sommelier", determining.PolicyId);
        Assert.Equal("Bottles brought in", determining.Title);
        Assert.Equal("The sommelier checks every bottle brought in.", determining.Rationale);
        Assert.Equal(StaffRole.Supervisor, determining.OverridableBy);
    }

    [Fact]
    public void Evaluate_OnlyAllowFires_Allows()
    {
        var engine = CreateEngine(typeof(SpecialBottlesWelcome));

        var decision = engine.Evaluate(new Bottle("Barolo", WaiverRequested: false));

        Assert.True(decision.IsAllowed);
        Assert.Equal("special-bottles-welcome", Assert.Single(decision.DeterminingPolicies).PolicyId);
    }

    [Fact]
    public void Evaluate_ReasonFromFacts_NamesTheMatchedFacts()
    {
        var engine = CreateEngine(typeof(CorkageFee), typeof(LateSeating));

        var decision = engine.Evaluate(new Bottle("1998 Barolo", WaiverRequested: true), new Seating(9, new TimeOnly(22, 15)));

        Assert.Equal("Corkage applies to 1998 Barolo", decision.DeterminingPolicies.Single(p => p.PolicyId == "corkage-fee").Reason);
        Assert.Equal("Party of 9 after 22:00", decision.DeterminingPolicies.Single(p => p.PolicyId == "late-seating").Reason);
    }

    [Fact]
    public void Evaluate_PolicyMatchingTwice_ReportsBothMatches()
    {
        var engine = CreateEngine(typeof(CorkageFee));

        var decision = engine.Evaluate(new Bottle("Barolo", true), new Bottle("Chablis", true));

        Assert.Equal(["Corkage applies to Barolo", "Corkage applies to Chablis"], decision.DeterminingPolicies.Select(p => p.Reason).Order());
    }

    [Fact]
    public async Task Evaluate_Decision_CarriesIdTimeVersionContextDigestAndIsQueued()
    {
        var engine = CreateEngine(typeof(CorkageFee));
        var context = new ServiceContext("guest-1", "harbour-street", "w-7");

        var decision = engine.Evaluate(new Bottle("Barolo", true), context);
        await _buffer!.FlushAsync();

        Assert.Equal(26, decision.Id.Length);
        Assert.Equal(TestDecisions.Evening, decision.At);
        Assert.Equal(engine.PolicySetVersion, decision.PolicySetVersion);
        Assert.Equal(context, decision.Context);
        Assert.Matches("^[0-9a-f]{64}$", decision.FactsDigest);
        var record = Assert.IsType<DecisionRecord>(Assert.Single(await _store.ReadAllAsync(), s => s.Record is DecisionRecord).Record);
        Assert.Equal(decision.Id, record.Id);
        Assert.Equal("guest-1", record.Customer);
        Assert.Equal(["corkage-fee"], record.Policies);
    }

    [Fact]
    public void Evaluate_Ids_AreUniqueAndSortByTime()
    {
        var engine = CreateEngine(typeof(CorkageFee));

        var first = engine.Evaluate(new Bottle("Barolo", true));
        _time.Advance(TimeSpan.FromMilliseconds(5));
        var second = engine.Evaluate(new Bottle("Barolo", true));

        Assert.True(string.CompareOrdinal(first.Id, second.Id) < 0);
    }

    [Fact]
    public void Evaluate_FactsDigest_IsEqualForEqualFactsAndDiffersOtherwiseWhoeverIsServed()
    {
        var engine = CreateEngine(typeof(CorkageFee));

        var a = engine.Evaluate(new Bottle("Barolo", true), new ServiceContext("guest-1"));
        var b = engine.Evaluate(new Bottle("Barolo", true), new ServiceContext("guest-1"));
        var c = engine.Evaluate(new Bottle("Barolo", false), new ServiceContext("guest-1"));
        var d = engine.Evaluate(new Bottle("Barolo", true), new ServiceContext("guest-2"));

        Assert.Equal(a.FactsDigest, b.FactsDigest);
        Assert.NotEqual(a.FactsDigest, c.FactsDigest);
        // The service context is recorded in its own fields, not among the stored facts the digest proves.
        Assert.Equal(a.FactsDigest, d.FactsDigest);
    }

    [Fact]
    public void Evaluate_NoServiceContext_UsesNone()
    {
        var engine = CreateEngine(typeof(CorkageFee));

        Assert.Same(ServiceContext.None, engine.Evaluate(new Bottle("Barolo", true)).Context);
    }

    [Fact]
    public void Evaluate_BadFacts_ThrowClearErrors()
    {
        var engine = CreateEngine(typeof(CorkageFee));

        Assert.Throws<ArgumentNullException>("facts", () => engine.Evaluate(null!));
        var nullFact = Assert.Throws<ArgumentNullException>("facts", () => engine.Evaluate(new Bottle("Barolo", true), null!));
        var twoContexts = Assert.Throws<ArgumentException>("facts", () => engine.Evaluate(new ServiceContext("a"), new ServiceContext("b")));

        Assert.Contains("Fact 1 of 2 is null", nullFact.Message, StringComparison.Ordinal);
        Assert.Contains("second ServiceContext", twoContexts.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_AfterTheDecisionLogIsDisposed_ThrowsObjectDisposedException()
    {
        var engine = CreateEngine(typeof(CorkageFee));
        await _buffer!.DisposeAsync();

        Assert.Throws<ObjectDisposedException>(() => engine.Evaluate(new Bottle("Barolo", true)));
    }

    [Fact]
    public async Task Evaluate_FourthExceptionThisMonth_NeedsAManager()
    {
        var engine = CreateEngine(typeof(CorkageFee), typeof(FourthExceptionNeedsManager));
        var overrides = new OverrideRecorder(_store, new JustificationCheck(["ok"]), _time, new PolicyAuditTelemetry(), NullLogger.Instance);
        var supervisor = new StaffMember("s-1", StaffRole.Supervisor);
        var month = new EvidenceWindow(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        var guest = new ServiceContext("guest-1", "harbour-street");
        for (var i = 0; i < 3; i++)
        {
            var history = await CustomerHistory.LoadAsync(_store, "guest-1", month);
            var earlier = engine.Evaluate(new Bottle("Barolo", true), guest, history);
            Assert.Equal(StaffRole.Supervisor, earlier.RequiredRole);
            await overrides.OverrideAsync(earlier, supervisor, $"Wine club member, visit {i + 1}");
        }

        var fourth = engine.Evaluate(new Bottle("Barolo", true), guest, await CustomerHistory.LoadAsync(_store, "guest-1", month));
        var refused = await Assert.ThrowsAsync<OverrideRefusedException>(() => overrides.OverrideAsync(fourth, supervisor, "Wine club member again"));

        Assert.Equal(["corkage-fee", "fourth-exception-needs-manager"], fourth.DeterminingPolicies.Select(p => p.PolicyId));
        Assert.Equal("guest-1 already had 3 exceptions this month", fourth.DeterminingPolicies[1].Reason);
        Assert.Equal(StaffRole.Manager, fourth.RequiredRole);
        Assert.Equal(OverrideRefusalReason.InsufficientAuthority, refused.Reason);
    }

    [Fact]
    public void PolicySetVersion_SamePolicies_IsStable()
    {
        Assert.Equal(PolicySet.Build([typeof(CorkageFee), typeof(LateSeating)]).Version, PolicySet.Build([typeof(LateSeating), typeof(CorkageFee)]).Version);
    }

    [Fact]
    public void PolicySetVersion_ChangedPolicy_IsANewVersion()
    {
        var before = PolicySet.Build([typeof(CorkageFee), typeof(LateSeating)]);
        var after = PolicySet.Build([typeof(CorkageFee), typeof(LateSeatingFromHalfPast)]);
        var reworded = PolicySet.Build([typeof(CorkageFee), typeof(LateSeatingReworded)]);
        var renamed = PolicySet.Build([typeof(CorkageFee), typeof(LateSeatingRenamed)]);

        Assert.NotEqual(before.Version, after.Version);
        Assert.NotEqual(before.Version, reworded.Version);
        Assert.Equal(before.Version, renamed.Version);
        Assert.Equal(before["corkage-fee"].Version, after["corkage-fee"].Version);
        Assert.NotEqual(before["late-seating"].Version, after["late-seating"].Version);
    }

    [Fact]
    public void Build_DuplicateId_FailsNamingBothClasses()
    {
        var error = Assert.Throws<PolicySetException>(() => PolicySet.Build([typeof(LateSeating), typeof(CorkageFee), typeof(LateSeatingFromHalfPast)]));

        Assert.Contains("'late-seating'", error.Message, StringComparison.Ordinal);
        Assert.Contains(typeof(LateSeating).FullName!, error.Message, StringComparison.Ordinal);
        Assert.Contains(typeof(LateSeatingFromHalfPast).FullName!, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_IdNotKebabCase_FailsNamingTheClass()
    {
        var error = Assert.Throws<PolicySetException>(() => PolicySet.Build([typeof(BadlyNamed)]));

        Assert.Contains("'Late_Seating'", error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(BadlyNamed), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_PolicyWithoutAttribute_FailsNamingTheClass()
    {
        var error = Assert.Throws<PolicySetException>(() => PolicySet.Build([typeof(Unmarked)]));

        Assert.Contains(nameof(Unmarked), error.Message, StringComparison.Ordinal);
        Assert.Contains("[Policy(", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_NoPolicies_FailsSayingHowToAddThem()
    {
        var error = Assert.Throws<PolicySetException>(() => PolicySet.Build([]));

        Assert.Contains("AddPoliciesFrom", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("refund-window", true)]
    [InlineData("no-seating-after-2200", true)]
    [InlineData("a", true)]
    [InlineData("Refund-window", false)]
    [InlineData("refund_window", false)]
    [InlineData("refund--window", false)]
    [InlineData("-refund", false)]
    [InlineData("refund-", false)]
    [InlineData("2-for-1", false)]
    [InlineData("", false)]
    public void IsKebabCase_Id_AcceptsOnlyKebabCase(string id, bool expected)
    {
        Assert.Equal(expected, PolicySet.IsKebabCase(id));
    }

    [Fact]
    public void Policies_AreInIdOrderWithMetadata()
    {
        var engine = CreateEngine(typeof(LateSeating), typeof(CorkageFee));

        Assert.Equal(["corkage-fee", "late-seating"], engine.Policies.Select(p => p.Id));
        var corkage = engine.Policies[0];
        Assert.Equal("Corkage fee", corkage.Title);
        Assert.Equal("sommelier", corkage.Owner);
        Assert.Equal(StaffRole.Supervisor, corkage.OverridableBy);
        Assert.Matches("^[0-9a-f]{16}$", corkage.Version);
        Assert.Equal("late-seating", engine.Policies[1].Title);
    }

    private PolicyEngine CreateEngine(params Type[] policies)
    {
        _buffer = new DecisionBuffer(_store, 1_000, _time, new PolicyAuditTelemetry(), NullLogger.Instance);
        return new PolicyEngine(PolicySet.Build(policies), _buffer, _time, new PolicyAuditTelemetry(), NullLogger.Instance);
    }

    public sealed record Bottle(string Wine, bool WaiverRequested, bool OnOurList = false);

    public sealed record Seating(int PartySize, TimeOnly At);

    [Policy("corkage-fee", Title = "Corkage fee", Owner = "sommelier", OverridableBy = StaffRole.Supervisor, Rationale = "Corkage pays for the glassware.")]
    private sealed class CorkageFee : Policy
    {
        public override void Define()
        {
            Bottle bottle = null!;
            When().Match(() => bottle, b => b.WaiverRequested);
            Then().Deny(() => "Corkage applies to " + bottle.Wine);
        }
    }

    [Policy("no-bottles-on-our-list", OverridableBy = StaffRole.Manager)]
    private sealed class NoBottlesOnOurList : Policy
    {
        public override void Define()
        {
            Bottle bottle = null!;
            When().Match(() => bottle, b => b.OnOurList);
            Then().Deny("The wine is on our list");
        }
    }

    [Policy("bottles-need-sommelier", Title = "Bottles brought in", OverridableBy = StaffRole.Supervisor, Rationale = "The sommelier checks every bottle brought in.")]
    private sealed class BottlesNeedSommelier : Policy
    {
        public override void Define()
        {
            Bottle bottle = null!;
            When().Match(() => bottle);
            Then().RequireApproval("The sommelier must see the bottle");
        }
    }

    [Policy("special-bottles-welcome", OverridableBy = StaffRole.Staff)]
    private sealed class SpecialBottlesWelcome : Policy
    {
        public override void Define()
        {
            Bottle bottle = null!;
            When().Match(() => bottle);
            Then().Allow("Special bottles are welcome");
        }
    }

    [Policy("late-seating", OverridableBy = StaffRole.Manager)]
    private sealed class LateSeating : Policy
    {
        public override void Define()
        {
            Seating seating = null!;
            When().Match(() => seating, s => s.At > new TimeOnly(22, 0));
            Then().Deny(() => "Party of " + seating.PartySize + " after 22:00");
        }
    }

    [Policy("late-seating", OverridableBy = StaffRole.Manager)]
    private sealed class LateSeatingFromHalfPast : Policy
    {
        public override void Define()
        {
            Seating seating = null!;
            When().Match(() => seating, s => s.At > new TimeOnly(22, 30));
            Then().Deny(() => "Party of " + seating.PartySize + " after 22:00");
        }
    }

    [Policy("late-seating", OverridableBy = StaffRole.Manager)]
    private sealed class LateSeatingRenamed : Policy
    {
        public override void Define()
        {
            Seating seating = null!;
            When().Match(() => seating, s => s.At > new TimeOnly(22, 0));
            Then().Deny(() => "Party of " + seating.PartySize + " after 22:00");
        }
    }

    [Policy("late-seating", OverridableBy = StaffRole.Manager, Rationale = "The kitchen closes at 22:30.")]
    private sealed class LateSeatingReworded : Policy
    {
        public override void Define()
        {
            Seating seating = null!;
            When().Match(() => seating, s => s.At > new TimeOnly(22, 0));
            Then().Deny(() => "Party of " + seating.PartySize + " after 22:00");
        }
    }

    [Policy("fourth-exception-needs-manager", OverridableBy = StaffRole.Manager)]
    private sealed class FourthExceptionNeedsManager : Policy
    {
        public override void Define()
        {
            CustomerHistory history = null!;
            When().Match(() => history, h => h.Overrides >= 3);
            Then().Deny(() => history.Customer + " already had " + history.Overrides + " exceptions this month");
        }
    }

    [Policy("Late_Seating")]
    private sealed class BadlyNamed : Policy
    {
        public override void Define()
        {
            Seating seating = null!;
            When().Match(() => seating);
            Then().Deny("late");
        }
    }

    private sealed class Unmarked : Policy
    {
        public override void Define()
        {
            Seating seating = null!;
            When().Match(() => seating);
            Then().Deny("late");
        }
    }
}
