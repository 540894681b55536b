using System.Text.Json;

namespace PolicyAudit.Cli.Tests;

public sealed class ReportCommandTests
{
    [Fact]
    public async Task Report_JsonToStandardOutput_HoldsEveryPolicy()
    {
        using var cli = new CliHarness();
        await cli.ImportStandardAsync();

        var run = await cli.RunAsync("report", "--store", cli.Store, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var policies = json.RootElement.GetProperty("policies").EnumerateArray().ToDictionary(p => p.GetProperty("id").GetString()!);
        Assert.Equal(["corkage-fee", "no-substitutions"], policies.Keys.Order());
        Assert.Equal(1, policies["no-substitutions"].GetProperty("unauthorizedOverrides").GetInt32());
        Assert.Equal(1, policies["no-substitutions"].GetProperty("harmfulOutcomes").GetInt32());
        Assert.Equal(1, policies["corkage-fee"].GetProperty("escalatedOverrides").GetInt32());
        Assert.Equal("insufficient-evidence", policies["corkage-fee"].GetProperty("verdict").GetString());
    }

    [Fact]
    public async Task Report_Window_LimitsTheEvidence()
    {
        using var cli = new CliHarness();
        await cli.ImportStandardAsync();

        var run = await cli.RunAsync("report", "--store", cli.Store, "--from", "2026-03-02", "--to", "2026-03-02", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal("2026-03-03T00:00:00Z", json.RootElement.GetProperty("window").GetProperty("to").GetString());
        var corkage = json.RootElement.GetProperty("policies").EnumerateArray().Single(p => p.GetProperty("id").GetString() == "corkage-fee");
        Assert.Equal(1, corkage.GetProperty("denials").GetInt32());
    }

    [Theory]
    [InlineData("html", "<!DOCTYPE html>")]
    [InlineData("md", "# Override review")]
    [InlineData("csv", "id,title,owner,overridable_by,verdict")]
    public async Task Report_OutFile_WritesTheFormatAndPrintsTheVerdicts(string format, string start)
    {
        using var cli = new CliHarness();
        await cli.ImportStandardAsync();
        var file = cli.PathOf("report." + format);

        var run = await cli.RunAsync("report", "--store", cli.Store, "--out", file);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith(start, File.ReadAllText(file), StringComparison.Ordinal);
        Assert.Matches(@"(?m)^no-substitutions\s+insufficient-evidence\s+1\s+1\s+100%\s+20\.7% to 100%\s+1\s+chef$", run.Out);
        Assert.Contains($"of 2 policies to {file}.", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_Owner_WritesOnlyTheirPacket()
    {
        using var cli = new CliHarness();
        await cli.ImportStandardAsync();

        var run = await cli.RunAsync("report", "--store", cli.Store, "--owner", "Chef", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal("Chef", json.RootElement.GetProperty("owner").GetString());
        var policy = Assert.Single(json.RootElement.GetProperty("policies").EnumerateArray());
        Assert.Equal("no-substitutions", policy.GetProperty("id").GetString());
        var harm = Assert.Single(policy.GetProperty("harms").EnumerateArray());
        Assert.Equal(("d1", "complaint", "cold food"), (harm.GetProperty("decision").GetString(), harm.GetProperty("outcome").GetString(), harm.GetProperty("note").GetString()));
        Assert.Equal(["w1"], json.RootElement.GetProperty("staff").EnumerateArray().Select(s => s.GetProperty("staff").GetString()));
    }

    [Fact]
    public async Task Report_UnknownOwner_ExitTwoNamingTheOwners()
    {
        using var cli = new CliHarness();
        await cli.ImportStandardAsync();

        var run = await cli.RunAsync("report", "--store", cli.Store, "--owner", "sommelier", "--format", "md");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("report: no policy is owned by 'sommelier'; owners: chef, front-of-house.", run.Error.Trim());
    }

    [Theory]
    [InlineData(new[] { "--format", "pdf" }, "report: --format must be html, md, json or csv, not 'pdf'.")]
    [InlineData(new[] { "--from", "March" , "--format", "md" }, "report: --from must be a date (YYYY-MM-DD) or an ISO 8601 time, not 'March'.")]
    [InlineData(new[] { "--from", "2026-03-05", "--to", "2026-03-01", "--format", "md" }, "report: --to must be after --from.")]
    [InlineData(new string[0], "report: --format is required (html, md, json or csv) unless --out names a file with one of those extensions.")]
    public async Task Report_BadOptions_ExitTwo(string[] options, string message)
    {
        using var cli = new CliHarness();
        await cli.ImportStandardAsync();

        var run = await cli.RunAsync(["report", "--store", cli.Store, .. options]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(message, run.Error.Trim());
    }

    [Fact]
    public async Task Report_MissingStore_ExitTwoAndNoFileCreated()
    {
        using var cli = new CliHarness();

        var run = await cli.RunAsync("report", "--store", cli.Store, "--format", "md");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"{cli.Store}: no such evidence store.", run.Error.Trim());
        Assert.False(File.Exists(cli.Store));
    }
}
