using System.Text.Json;

namespace PolicyAudit.Cli.Tests;

public sealed class HistoryCommandTests
{
    [Fact]
    public async Task History_CustomerWithOverridesAndAComplaint_PrintsSummaryThenEveryRecord()
    {
        using var cli = new CliHarness();
        await cli.ImportStandardAsync();

        var run = await cli.RunAsync("history", "--store", cli.Store, "--customer", "c1");

        Assert.True(run.ExitCode == 0, run.Error);
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("c1: 2 exceptions made (corkage-fee 1, no-substitutions 1), 0 refused, 1 complaints", lines[0]);
        Assert.Matches(@"^At \(UTC\)\s+Kind\s+Decision\s+Staff\s+Details$", lines[1]);
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^2026-03-01 19:31\s+override\s+d1\s+w1\s+""Allergy"" \(no-substitutions\)$"));
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^2026-03-02 10:00\s+outcome\s+d1\s+complaint: cold food$"));
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^2026-03-02 20:01\s+override\s+pos-1\s+w2\s+""Regular, nice"", approved by m1 \(corkage-fee\)$"));
        Assert.Equal(7, lines.Length);
    }

    [Fact]
    public async Task History_Json_ListsTheRecordsInChainOrderWithTheSummary()
    {
        using var cli = new CliHarness();
        await cli.ImportStandardAsync();

        var run = await cli.RunAsync("history", "--store", cli.Store, "--customer", "c1", "--format", "json");

        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        var records = root.GetProperty("records").EnumerateArray().ToArray();
        Assert.Equal("c1", root.GetProperty("customer").GetString());
        Assert.Equal(2, root.GetProperty("overrides").GetInt32());
        Assert.Equal(1, root.GetProperty("complaints").GetInt32());
        Assert.Equal(5, records.Length);
        Assert.Equal(records.Select(r => r.GetProperty("sequence").GetInt64()).Order(), records.Select(r => r.GetProperty("sequence").GetInt64()));
        var complaint = Assert.Single(records, r => r.GetProperty("kind").GetString() == "outcome");
        Assert.Equal("d1", complaint.GetProperty("decisionId").GetString());
        Assert.Equal("cold food", complaint.GetProperty("note").GetString());
    }

    [Fact]
    public async Task History_FromADay_LeavesOutEarlierVisitsAndTheirOutcomes()
    {
        using var cli = new CliHarness();
        await cli.ImportStandardAsync();

        var run = await cli.RunAsync("history", "--store", cli.Store, "--customer", "c1", "--from", "2026-03-02", "--format", "json");

        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Out);
        var ids = json.RootElement.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("decisionId").GetString()!).ToArray();
        Assert.Equal(["pos-1", "pos-1"], ids);
        Assert.Equal(0, json.RootElement.GetProperty("complaints").GetInt32());
        Assert.Equal("2026-03-02T00:00:00.0000000Z", json.RootElement.GetProperty("window").GetProperty("from").GetString());
    }

    [Fact]
    public async Task History_UnknownCustomer_SaysThereIsNoEvidenceAndExitsZero()
    {
        using var cli = new CliHarness();
        await cli.ImportStandardAsync();

        var run = await cli.RunAsync("history", "--store", cli.Store, "--customer", "nobody-we-know");

        Assert.Equal(0, run.ExitCode);
        Assert.EndsWith("No evidence about this customer in the window.", run.Out.Trim(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--customer", "c1", "--to", "yesterday" }, "history: --to must be a date (YYYY-MM-DD) or an ISO 8601 time, not 'yesterday'.")]
    [InlineData(new[] { "--customer", "c1", "--from", "2026-03-05", "--to", "2026-03-01" }, "history: --to must be after --from.")]
    [InlineData(new[] { "--customer", " " }, "history: --customer must name a customer.")]
    public async Task History_BadOptions_ExitTwo(string[] options, string message)
    {
        using var cli = new CliHarness();
        await cli.ImportStandardAsync();

        var run = await cli.RunAsync(["history", "--store", cli.Store, .. options]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(message, run.Error.Trim());
    }

    [Fact]
    public async Task History_MissingStore_ExitTwoAndNoFileCreated()
    {
        using var cli = new CliHarness();

        var run = await cli.RunAsync("history", "--store", cli.Store, "--customer", "c1");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"{cli.Store}: no such evidence store.", run.Error.Trim());
        Assert.False(File.Exists(cli.Store));
    }
}
