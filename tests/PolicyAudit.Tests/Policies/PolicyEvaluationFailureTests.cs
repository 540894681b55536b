namespace PolicyAudit.Tests.Policies;

/// <summary>A policy whose own code throws while a request is evaluated.</summary>
public sealed class PolicyEvaluationFailureTests
{
    [Fact]
    public async Task Evaluate_ConditionThrows_ThrowsNamingThePolicyAndRecordsNoDecision()
    {
        await using var engine = TestEngine.For(typeof(VintageCheck), typeof(CorkageFee));

        var error = Assert.Throws<PolicyEvaluationException>(() => engine.Evaluate(new Bottle("Barolo", Vintage: 0)));

        Assert.Equal(["vintage-check"], error.PolicyIds);
        Assert.Contains("condition of policy 'vintage-check'", error.Message, StringComparison.Ordinal);
        Assert.Contains("No vintage on the label", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("NRules", error.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidOperationException>(error.InnerException);
        Assert.Empty(await engine.RecordedDecisionsAsync());
    }

    [Fact]
    public async Task Evaluate_ReasonThrows_ThrowsNamingThePolicyAndRecordsNoDecision()
    {
        await using var engine = TestEngine.For(typeof(CorkageFee), typeof(ShortWineName));

        var error = Assert.Throws<PolicyEvaluationException>(() => engine.Evaluate(new Bottle("Bo", Vintage: 2019)));

        Assert.Equal(["short-wine-name"], error.PolicyIds);
        Assert.Contains("outcome or a dependency of policy 'short-wine-name'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("NRules", error.Message, StringComparison.Ordinal);
        Assert.IsType<ArgumentOutOfRangeException>(error.InnerException);
        Assert.Empty(await engine.RecordedDecisionsAsync());
    }

    [Fact]
    public async Task Evaluate_AfterAFailedRequest_NextRequestsDecideNormally()
    {
        await using var engine = TestEngine.For(typeof(VintageCheck), typeof(CorkageFee));
        Assert.Throws<PolicyEvaluationException>(() => engine.Evaluate(new Bottle("Barolo", Vintage: 0)));

        var decisions = Enumerable.Range(0, 3).Select(_ => engine.Evaluate(new Bottle("Barolo", Vintage: 2019))).ToArray();

        Assert.All(decisions, d => Assert.Equal(["Corkage applies to Barolo"], d.DeterminingPolicies.Select(p => p.Reason)));
        Assert.Equal(3, (await engine.RecordedDecisionsAsync()).Length);
    }

    public sealed record Bottle(string Wine, int Vintage);

    [Policy("vintage-check", OverridableBy = StaffRole.Supervisor)]
    private sealed class VintageCheck : Policy
    {
        public override void Define()
        {
            Bottle bottle = null!;
            When().Match(() => bottle, b => IsOld(b));
            Then().RequireApproval("Old vintages need the sommelier");
        }

        private static bool IsOld(Bottle bottle) =>
            bottle.Vintage > 0 ? bottle.Vintage < 2000 : throw new InvalidOperationException("No vintage on the label.");
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

    [Policy("short-wine-name", OverridableBy = StaffRole.Supervisor)]
    private sealed class ShortWineName : Policy
    {
        public override void Define()
        {
            Bottle bottle = null!;
            When().Match(() => bottle);
            Then().Allow(() => "Short name " + bottle.Wine.Substring(0, 5));
        }
    }
}
