using Microsoft.Extensions.DependencyInjection;

namespace PolicyAudit.Tests.Policies;

/// <summary>Services a policy declares with NRules' Dependency().Resolve(...), resolved from the host's container.</summary>
public sealed class PolicyDependencyTests
{
    [Fact]
    public async Task Evaluate_RegisteredDependency_ReasonUsesTheService()
    {
        var services = new ServiceCollection();
        services.AddSingleton<ICorkagePrices>(new FixedCorkagePrices(25m));
        services.AddPolicyAudit(o => o.AddPolicy<PricedCorkage>()).UseInMemoryStore();
        await using var provider = services.BuildServiceProvider();

        var decision = provider.GetRequiredService<IPolicyEngine>().Evaluate(new Bottle("Barolo"));

        Assert.Equal("Corkage of 25 applies to Barolo", Assert.Single(decision.DeterminingPolicies).Reason);
    }

    [Fact]
    public async Task Engine_DependencyNotRegistered_FailsAtStartUpNamingPolicyAndType()
    {
        var services = new ServiceCollection();
        services.AddPolicyAudit(o => o.AddPolicy<PricedCorkage>()).UseInMemoryStore();
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<PolicySetException>(() => provider.GetRequiredService<IPolicyEngine>());

        Assert.Contains("'priced-corkage'", error.Message, StringComparison.Ordinal);
        Assert.Contains(typeof(PricedCorkage).FullName!, error.Message, StringComparison.Ordinal);
        Assert.Contains(typeof(ICorkagePrices).FullName!, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_ProviderWithoutTheService_ThrowsNamingPolicyAndTypeAndRecordsNothing()
    {
        // A provider that cannot say up front what it holds is only found wanting when the policy fires.
        await using var engine = TestEngine.For(new EmptyProvider(), typeof(PricedCorkage));

        var error = Assert.Throws<PolicyEvaluationException>(() => engine.Evaluate(new Bottle("Barolo")));

        Assert.Equal(["priced-corkage"], error.PolicyIds);
        Assert.Contains("'priced-corkage'", error.Message, StringComparison.Ordinal);
        Assert.Contains(typeof(ICorkagePrices).FullName!, error.Message, StringComparison.Ordinal);
        Assert.Empty(await engine.RecordedDecisionsAsync());
    }

    public interface ICorkagePrices
    {
        decimal For(string wine);
    }

    public sealed record Bottle(string Wine);

    private sealed class FixedCorkagePrices(decimal price) : ICorkagePrices
    {
        public decimal For(string wine) => price;
    }

    private sealed class EmptyProvider : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }

    [Policy("priced-corkage", OverridableBy = StaffRole.Supervisor)]
    private sealed class PricedCorkage : Policy
    {
        public override void Define()
        {
            ICorkagePrices prices = null!;
            Bottle bottle = null!;
            Dependency().Resolve(() => prices);
            When().Match(() => bottle);
            Then().Deny(() => "Corkage of " + prices.For(bottle.Wine) + " applies to " + bottle.Wine);
        }
    }
}
