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
        Assert.Equal(["late-checkout", "no-pets"], policies.Select(p => p.GetProperty("id").GetString()));
        var late = policies[0];
        Assert.Equal("Late checkout", late.GetProperty("title").GetString());
        Assert.Equal("rooms", late.GetProperty("owner").GetString());
        Assert.Equal("supervisor", late.GetProperty("overridableBy").GetString());
        Assert.Equal("Rooms must be cleaned for the next guest.", late.GetProperty("rationale").GetString());
        Assert.Equal("manager", policies[1].GetProperty("overridableBy").GetString());
        Assert.Equal("no-pets", policies[1].GetProperty("title").GetString());
    }

    [Fact]
    public async Task Policies_Table_PlainTextWhenRedirected()
    {
        var run = await CliHarness.RunAsync(new InMemoryStores(), "policies", "--assembly", typeof(PoliciesCommandTests).Assembly.Location);

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"(?m)^late-checkout\s+Late checkout\s+rooms\s+supervisor\s+Rooms must be cleaned", run.Out);
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

    [Policy("no-pets")]
    public sealed class NoPets
    {
    }
}
