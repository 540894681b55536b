using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace PolicyAudit.Tests.DependencyInjection;

public sealed class AddPolicyAuditTests
{
    private readonly FakeTimeProvider _time = new(TestDecisions.Evening);

    [Fact]
    public async Task AddPolicyAudit_InMemoryStore_ResolvesAWorkingEngineAndRecorders()
    {
        var store = new InMemoryEvidenceStore();
        await using var provider = Build(o => o.AddPolicy<CorkageFee>(), store);
        var engine = provider.GetRequiredService<IPolicyEngine>();
        var overrides = provider.GetRequiredService<IOverrideRecorder>();
        var outcomes = provider.GetRequiredService<IOutcomeRecorder>();

        var decision = engine.Evaluate(new Bottle("Barolo"), new ServiceContext("guest-1"));
        var receipt = await overrides.OverrideAsync(decision, new StaffMember("s-1", StaffRole.Supervisor), "Anniversary bottle");
        await outcomes.RecordAsync(decision.Id, OutcomeKind.Compliment);
        await provider.GetRequiredService<IDecisionLog>().FlushAsync();

        var kinds = (await store.ReadAllAsync()).Select(s => s.Record.Kind).ToArray();
        Assert.Equal(DecisionOutcome.Deny, decision.Outcome);
        Assert.Equal(decision.Id, receipt.DecisionId);
        Assert.Equal(1, kinds.Count(k => k == EvidenceKind.Policy));
        Assert.Equal(1, kinds.Count(k => k == EvidenceKind.Decision));
        Assert.Equal(1, kinds.Count(k => k == EvidenceKind.Override));
        Assert.Equal(1, kinds.Count(k => k == EvidenceKind.Outcome));
        Assert.True((await store.VerifyAsync()).IsValid);
    }

    [Fact]
    public void AddPoliciesFrom_Assembly_FindsPolicyClasses()
    {
        var options = new PolicyAuditOptions().AddPoliciesFrom(typeof(AddPolicyAuditTests).Assembly);

        Assert.Contains(typeof(CorkageFee), options.PolicyTypes);
        Assert.All(options.PolicyTypes, t => Assert.True(typeof(Policy).IsAssignableFrom(t) && !t.IsAbstract));
    }

    [Fact]
    public async Task AddPolicyAudit_NoStore_FailsAtResolveSayingHowToChooseOne()
    {
        var services = new ServiceCollection();
        services.AddPolicyAudit(o => o.AddPolicy<CorkageFee>());
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IPolicyEngine>());

        Assert.Contains("UseSqlite", error.Message, StringComparison.Ordinal);
        Assert.Contains("UseInMemoryStore", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddPolicyAudit_CalledTwice_Throws()
    {
        var services = new ServiceCollection();
        services.AddPolicyAudit(o => o.AddPolicy<CorkageFee>());

        Assert.Throws<InvalidOperationException>(() => services.AddPolicyAudit(o => o.AddPolicy<CorkageFee>()));
    }

    [Fact]
    public void AddPolicy_NotAPolicy_ThrowsArgumentException()
    {
        var error = Assert.Throws<ArgumentException>("policyType", () => new PolicyAuditOptions().AddPolicy(typeof(string)));

        Assert.Contains("System.String", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_BadValues_ThrowArgumentExceptions()
    {
        var options = new PolicyAuditOptions();

        Assert.Throws<ArgumentOutOfRangeException>("capacity", () => options.DecisionBuffer(0));
        Assert.Throws<ArgumentException>("placeholders", () => options.PlaceholderJustifications("n/a", " "));
        Assert.Throws<ArgumentNullException>("timeProvider", () => options.UseTimeProvider(null!));
    }

    [Fact]
    public async Task AddPolicyAudit_ConfiguredPlaceholders_ReachTheRecorder()
    {
        await using var provider = Build(o => o.AddPolicy<CorkageFee>().PlaceholderJustifications("as discussed"), new InMemoryEvidenceStore());
        var decision = provider.GetRequiredService<IPolicyEngine>().Evaluate(new Bottle("Barolo"));

        var refused = await Assert.ThrowsAsync<OverrideRefusedException>(() =>
            provider.GetRequiredService<IOverrideRecorder>().OverrideAsync(decision, new StaffMember("m-1", StaffRole.Manager), "As discussed"));

        Assert.Equal(OverrideRefusalReason.PlaceholderJustification, refused.Reason);
    }

    [Fact]
    public async Task OverrideAsync_DecisionNamingAnUnknownPolicy_ThrowsNamingIt()
    {
        var store = new InMemoryEvidenceStore();
        await using var provider = Build(o => o.AddPolicy<CorkageFee>(), store);
        var foreign = TestDecisions.Make(DecisionOutcome.Deny, StaffRole.Staff, "refund-window");

        var error = await Assert.ThrowsAsync<ArgumentException>("decision", () =>
            provider.GetRequiredService<IOverrideRecorder>().OverrideAsync(foreign, new StaffMember("m-1", StaffRole.Manager), "Guest waited 40 minutes"));

        Assert.Contains("'refund-window'", error.Message, StringComparison.Ordinal);
        Assert.Contains("corkage-fee", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(await store.ReadAllAsync(), s => s.Record is RefusedOverrideRecord or OverrideRecord);
    }

    [Fact]
    public async Task OverrideAsync_DecisionClaimingLowerAuthority_UsesThePolicySetsAuthority()
    {
        await using var provider = Build(o => o.AddPolicy<CorkageFee>(), new InMemoryEvidenceStore());
        var edited = TestDecisions.Make(DecisionOutcome.Deny, StaffRole.Staff, "corkage-fee");

        var refused = await Assert.ThrowsAsync<OverrideRefusedException>(() =>
            provider.GetRequiredService<IOverrideRecorder>().OverrideAsync(edited, new StaffMember("w-1", StaffRole.Staff), "Anniversary bottle"));

        Assert.Equal(OverrideRefusalReason.InsufficientAuthority, refused.Reason);
    }

    [Fact]
    public async Task HostedService_StartAndStop_CompilesWritesCatalogOnceAndFlushes()
    {
        var store = new InMemoryEvidenceStore();
        await using (var provider = Build(o => o.AddPolicy<CorkageFee>(), store))
        {
            var hosted = Assert.Single(provider.GetServices<IHostedService>());
            await hosted.StartAsync(CancellationToken.None);
            Assert.Equal(1, store.Count);
            provider.GetRequiredService<IPolicyEngine>().Evaluate(new Bottle("Barolo"));
            await hosted.StopAsync(CancellationToken.None);
            Assert.Equal(2, store.Count);
        }

        await using (var again = Build(o => o.AddPolicy<CorkageFee>(), store))
        {
            await Assert.Single(again.GetServices<IHostedService>()).StartAsync(CancellationToken.None);
        }

        Assert.Single(await store.ReadAllAsync(), s => s.Record is PolicyRecord);
    }

    [Fact]
    public async Task HostedService_DuplicatePolicyIds_FailsAtStartUp()
    {
        await using var provider = Build(o => o.AddPolicy<CorkageFee>().AddPolicy<CorkageFeeCopy>(), new InMemoryEvidenceStore());

        var error = await Assert.ThrowsAsync<PolicySetException>(() => Assert.Single(provider.GetServices<IHostedService>()).StartAsync(CancellationToken.None));

        Assert.Contains(nameof(CorkageFee), error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(CorkageFeeCopy), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisposeAsync_Container_FlushesPendingDecisions()
    {
        var store = new InMemoryEvidenceStore();
        await using (var provider = Build(o => o.AddPolicy<CorkageFee>(), store))
        {
            var engine = provider.GetRequiredService<IPolicyEngine>();
            for (var i = 0; i < 100; i++)
            {
                engine.Evaluate(new Bottle("Barolo " + i));
            }
        }

        Assert.Equal(100, (await store.ReadAllAsync()).Count(s => s.Record is DecisionRecord));
    }

    [Fact]
    public async Task Telemetry_DecisionsOverridesAndRefusals_AreCounted()
    {
        var measurements = new List<(string Name, long Value, string? Tag)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == "PolicyAudit")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            lock (measurements)
            {
                measurements.Add((instrument.Name, value, tags.Length > 0 ? tags[0].Value?.ToString() : null));
            }
        });
        listener.Start();
        await using var provider = Build(o => o.AddPolicy<CorkageFee>(), new InMemoryEvidenceStore());
        var decision = provider.GetRequiredService<IPolicyEngine>().Evaluate(new Bottle("Barolo"));
        var overrides = provider.GetRequiredService<IOverrideRecorder>();

        await overrides.OverrideAsync(decision, new StaffMember("m-1", StaffRole.Manager), "Anniversary bottle");
        await Assert.ThrowsAsync<OverrideRefusedException>(() => overrides.OverrideAsync(decision, new StaffMember("m-1", StaffRole.Manager), "n/a"));

        lock (measurements)
        {
            Assert.Contains(("policyaudit.decisions", 1L, "deny"), measurements);
            Assert.Contains(("policyaudit.overrides", 1L, "corkage-fee"), measurements);
            Assert.Contains(("policyaudit.override_refusals", 1L, "placeholder-justification"), measurements);
        }
    }

    private ServiceProvider Build(Action<PolicyAuditOptions> configure, InMemoryEvidenceStore store)
    {
        var services = new ServiceCollection();
        services.AddPolicyAudit(o => configure(o.UseTimeProvider(_time))).UseInMemoryStore(store);
        return services.BuildServiceProvider();
    }

    public sealed record Bottle(string Wine);

    [Policy("corkage-fee", OverridableBy = StaffRole.Supervisor)]
    public sealed class CorkageFee : Policy
    {
        public override void Define()
        {
            Bottle bottle = null!;
            When().Match(() => bottle);
            Then().Deny(() => "Corkage applies to " + bottle.Wine);
        }
    }

    [Policy("corkage-fee")]
    public sealed class CorkageFeeCopy : Policy
    {
        public override void Define()
        {
            Bottle bottle = null!;
            When().Match(() => bottle);
            Then().Deny("Corkage applies");
        }
    }
}
