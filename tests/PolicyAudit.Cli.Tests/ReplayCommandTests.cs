namespace PolicyAudit.Cli.Tests;

public sealed class ReplayCommandTests
{
    private const string Evidence = """
        {"type":"policy","id":"corkage-fee","title":"Corkage fee","overridableBy":"supervisor"}
        {"type":"decision","id":"d1","at":"2026-03-01T19:30:00Z","outcome":"deny","policies":[{"id":"corkage-fee","outcome":"deny"}],"facts":[{"type":"Pos.CorkedBottle","value":{"Wine":"Barolo","WaiverRequested":true}}]}
        {"type":"decision","id":"d2","at":"2026-03-01T19:40:00Z","outcome":"deny","policies":[{"id":"corkage-fee","outcome":"deny"}],"facts":[{"type":"Pos.CorkedBottle","value":{"Wine":"House red","WaiverRequested":true}}]}
        {"type":"override","decision":"d2","at":"2026-03-01T19:41:00Z","staff":"w1","role":"supervisor","justification":"Our own wine, bought here last week","approvedBy":null}
        {"type":"decision","id":"d3","at":"2026-03-02T19:30:00Z","outcome":"deny","policies":["corkage-fee"]}
        """;

    private static string Candidate => Path.Combine(AppContext.BaseDirectory, "PolicyAudit.Cli.Tests.Candidate.dll");

    [Fact]
    public async Task Replay_CandidateAssembly_ReportsWhatTheRevisedPolicyWouldChange()
    {
        using var cli = new CliHarness();
        Assert.Equal(0, (await cli.RunAsync("import", "--store", cli.Store, cli.Write("evidence.jsonl", Evidence))).ExitCode);

        var run = await cli.RunAsync("replay", "--store", cli.Store, "--assembly", Candidate, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var json = run.Out.ReplaceLineEndings("\n");
        Assert.Contains("\"decisions\": 3,\n  \"decisionsWithFacts\": 2,", json, StringComparison.Ordinal);
        Assert.Contains("\"status\": \"changed\"", json, StringComparison.Ordinal);
        Assert.Contains("\"from\": \"deny\",\n            \"to\": \"allow\",\n            \"count\": 1", json, StringComparison.Ordinal);
        Assert.Contains("\"overriddenNowAllowed\": 1,", json, StringComparison.Ordinal);
        Assert.Contains("\"cause\": \"no-facts\",\n            \"count\": 1,\n            \"decisionIds\": [\n              \"d3\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_OutFile_WritesTheReportAndSummarises()
    {
        using var cli = new CliHarness();
        await cli.RunAsync("import", "--store", cli.Store, cli.Write("evidence.jsonl", Evidence));
        var before = await cli.StateAsync();

        var run = await cli.RunAsync("replay", "--store", cli.Store, "--assembly", Candidate, "--policy", "corkage-fee", "--to", "2026-03-01", "--out", cli.PathOf("replay.md"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Replayed 2 of 2 decisions", run.Out, StringComparison.Ordinal);
        Assert.Contains("| Corkage fee (`corkage-fee`) | changed | 2 | 1 | deny → allow 1 | 1 | 0 | 0 | 0 |", await File.ReadAllTextAsync(cli.PathOf("replay.md")), StringComparison.Ordinal);
        Assert.Equal(before, await cli.StateAsync());
    }

    [Fact]
    public async Task Replay_AssemblyWithoutPolicies_ExitsTwoSayingWhatToPass()
    {
        using var cli = new CliHarness();
        await cli.RunAsync("import", "--store", cli.Store, cli.Write("evidence.jsonl", Evidence));

        var run = await cli.RunAsync("replay", "--store", cli.Store, "--assembly", typeof(System.CommandLine.Command).Assembly.Location, "--format", "md");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("has no policy classes", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Trim().Split('\n'));
    }

    [Fact]
    public async Task Replay_FileThatIsNotAnAssembly_ExitsTwo()
    {
        using var cli = new CliHarness();
        await cli.RunAsync("import", "--store", cli.Store, cli.Write("evidence.jsonl", Evidence));

        var run = await cli.RunAsync("replay", "--store", cli.Store, "--assembly", cli.Write("Candidate.dll", "not an assembly"), "--format", "md");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("cannot be loaded as a .NET assembly", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_MissingAssembly_ExitsTwo()
    {
        using var cli = new CliHarness();
        await cli.RunAsync("import", "--store", cli.Store, cli.Write("evidence.jsonl", Evidence));

        var run = await cli.RunAsync("replay", "--store", cli.Store, "--assembly", cli.PathOf("Nowhere.dll"), "--format", "md");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no such file", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_WindowWithoutStoredFacts_ExitsTwoSayingWhy()
    {
        using var cli = new CliHarness();
        await cli.RunAsync("import", "--store", cli.Store, cli.Write("evidence.jsonl", Evidence));

        var run = await cli.RunAsync("replay", "--store", cli.Store, "--assembly", Candidate, "--from", "2026-03-02", "--format", "md");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("replay: none of the 1 decisions in the window has stored facts", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_CsvFormat_ExitsTwo()
    {
        using var cli = new CliHarness();

        var run = await cli.RunAsync("replay", "--store", cli.Store, "--assembly", Candidate, "--format", "csv");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("replay: --format must be md, json or html, not 'csv'.", run.Error, StringComparison.Ordinal);
    }
}
