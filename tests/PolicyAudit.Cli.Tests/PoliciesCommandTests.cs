using System.Text.Json;

namespace PolicyAudit.Cli.Tests;

public sealed class PoliciesCommandTests
{
    [Fact]
    public async Task Policies_AssemblyWithPolicies_ListsTheCatalogAsJson()
    {
        var assembly = typeof(PoliciesCommandTests).Assembly.Location;

        var run = await CliHarness.RunAsync(new InMemoryStores(), "policies", "--assembly", assembly, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var policies = json.RootElement.EnumerateArray().ToArray();
        Assert.Equal(["late-checkout", "minibar-charge", "no-pets"], policies.Select(p => p.GetProperty("id").GetString()));
        var late = policies[0];
        Assert.Equal("Late checkout", late.GetProperty("title").GetString());
        Assert.Equal("rooms", late.GetProperty("owner").GetString());
        Assert.Equal("supervisor", late.GetProperty("overridableBy").GetString());
        Assert.Equal("Rooms must be cleaned for the next guest.", late.GetProperty("rationale").GetString());
        Assert.Equal("manager", policies[2].GetProperty("overridableBy").GetString());
        Assert.Equal("no-pets", policies[2].GetProperty("title").GetString());
    }

    [Fact]
    public async Task Policies_Table_PlainTextWhenRedirected()
    {
        var run = await CliHarness.RunAsync(new InMemoryStores(), "policies", "--assembly", typeof(PoliciesCommandTests).Assembly.Location);

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"(?m)^late-checkout\s+Late checkout\s+rooms\s+supervisor\s+Rooms must be cleaned", run.Out);
    }

    [Fact]
    public async Task Policies_NRulesPolicyWhoseCodeThrows_IsListedWithoutRunningIt()
    {
        var run = await CliHarness.RunAsync(new InMemoryStores(), "policies", "--assembly", typeof(PoliciesCommandTests).Assembly.Location, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var minibar = json.RootElement.EnumerateArray().Single(p => p.GetProperty("id").GetString() == "minibar-charge");
        Assert.Equal("Minibar items are charged", minibar.GetProperty("title").GetString());
        Assert.Equal("staff", minibar.GetProperty("overridableBy").GetString());
    }

    [Fact]
    public async Task Policies_MissingAssembly_ExitTwo()
    {
        var run = await CliHarness.RunAsync(new InMemoryStores(), "policies", "--assembly", "/nowhere/policies.dll");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("/nowhere/policies.dll: no such assembly.", run.Error.Trim());
    }

    [Policy("late-checkout", Title = "Late checkout", Owner = "rooms", OverridableBy = StaffRole.Supervisor, Rationale = "Rooms must be cleaned for the next guest.")]
    public sealed class LateCheckout
    {
    }

    public sealed record MinibarItem(string Name, decimal Price);

    /// <summary>A real NRules policy whose code throws if it ever runs: listing the catalog must not run it.</summary>
    [Policy("minibar-charge", Title = "Minibar items are charged", Owner = "rooms", OverridableBy = StaffRole.Staff)]
    public sealed class MinibarCharge : Policy
    {
        static MinibarCharge() => throw new InvalidOperationException("Listing the catalog ran policy code.");

        public override void Define()
        {
            MinibarItem item = null!;
            When().Match(() => item, i => i.Price > 0);
            Then().RequireApproval(() => item.Name + " is charged");
        }
    }

    [Policy("no-pets")]
    public sealed class NoPets
    {
    }
}
