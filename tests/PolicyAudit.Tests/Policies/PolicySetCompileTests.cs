namespace PolicyAudit.Tests.Policies;

/// <summary>Policies NRules cannot load or compile stop start-up with an error naming the class.</summary>
public sealed class PolicySetCompileTests
{
    [Fact]
    public void Build_DefineThrows_FailsNamingTheClassAndTheCause()
    {
        var error = Assert.Throws<PolicySetException>(() => PolicySet.Build([typeof(DefineThrows)]));

        Assert.Contains(typeof(DefineThrows).FullName!, error.Message, StringComparison.Ordinal);
        Assert.Contains("The wine list is not loaded", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_PolicyWithoutAnOutcome_FailsNamingTheClass()
    {
        var error = Assert.Throws<PolicySetException>(() => PolicySet.Build([typeof(NoOutcome)]));

        Assert.Contains(typeof(NoOutcome).FullName!, error.Message, StringComparison.Ordinal);
        Assert.Contains("action", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Then().Deny", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_PolicyWithoutParameterlessConstructor_FailsNamingTheClass()
    {
        var error = Assert.Throws<PolicySetException>(() => PolicySet.Build([typeof(NeedsAnArgument)]));

        Assert.Contains(typeof(NeedsAnArgument).FullName!, error.Message, StringComparison.Ordinal);
        Assert.Contains("public parameterless constructor", error.Message, StringComparison.Ordinal);
    }

    public sealed record Bottle(string Wine);

    [Policy("define-throws")]
    private sealed class DefineThrows : Policy
    {
        public override void Define() => throw new InvalidOperationException("The wine list is not loaded.");
    }

    [Policy("no-outcome")]
    private sealed class NoOutcome : Policy
    {
        public override void Define()
        {
            Bottle bottle = null!;
            When().Match(() => bottle);
        }
    }

    [Policy("needs-an-argument")]
    private sealed class NeedsAnArgument(string wine) : Policy
    {
        public override void Define()
        {
            Bottle bottle = null!;
            When().Match(() => bottle, b => b.Wine == wine);
            Then().Deny("Not that wine");
        }
    }
}
