namespace PolicyAudit.Cli.Tests;

public sealed class ImportFactsTests
{
    private const string Policies = """
        {"type":"policy","id":"corkage-fee","title":"Corkage fee","overridableBy":"supervisor"}
        {"type":"policy","id":"bottles-need-sommelier","overridableBy":"manager"}
        {"type":"policy","id":"special-bottles-welcome","overridableBy":"owner"}
        """;

    [Fact]
    public async Task Import_DecisionWithFactsAndPolicyOutcomes_StoresThemAndCountsByThem()
    {
        using var cli = new CliHarness();
        var file = cli.Write("evidence.jsonl", Policies + "\n"
            + """{"type":"decision","id":"d1","at":"2026-03-01T19:30:00Z","outcome":"deny","policies":[{"id":"corkage-fee","outcome":"deny"},{"id":"special-bottles-welcome","outcome":"allow"}],"facts":[{"type":"Restaurant.Facts.BroughtBottle","value":{ "Wine" : "Barolo", "OnOurList": false },"masked":["Owner"]}]}""" + "\n"
            + """{"type":"override","decision":"d1","at":"2026-03-01T19:31:00Z","staff":"w1","role":"supervisor","justification":"Anniversary","approvedBy":null}""");

        var run = await cli.RunAsync("import", "--store", cli.Store, file);
        var records = await cli.RecordsAsync();
        var report = await cli.RunAsync("report", "--store", cli.Store, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var decision = records.OfType<DecisionRecord>().Single();
        Assert.Equal([DecisionOutcome.Deny, DecisionOutcome.Allow], decision.PolicyOutcomes);
        Assert.Equal("""[{"type":"Restaurant.Facts.BroughtBottle","value":{"Wine":"Barolo","OnOurList":false},"masked":["Owner"]}]""", decision.Facts!.Json);
        Assert.Equal(decision.Facts.Digest, decision.FactsDigest);
        var @override = records.OfType<OverrideRecord>().Single();
        Assert.Equal(StaffRole.Supervisor, @override.RequiredRole);
        Assert.False(@override.IsUnauthorized);
        Assert.Equal(["corkage-fee"], @override.Decision.Policies.Select(p => p.PolicyId));
        Assert.Contains("\"id\": \"special-bottles-welcome\"", report.Out, StringComparison.Ordinal);
        Assert.Contains("\"decisions\": 1,\n      \"denials\": 0,", report.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_MixedBareAndObjectPolicies_BareIdSaysWhatTheDecisionSaid()
    {
        using var cli = new CliHarness();
        var file = cli.Write("evidence.jsonl", Policies + "\n"
            + """{"type":"decision","id":"d1","at":"2026-03-01T19:30:00Z","outcome":"require-approval","policies":["bottles-need-sommelier",{"id":"special-bottles-welcome","outcome":"allow"}]}""");

        var run = await cli.RunAsync("import", "--store", cli.Store, file);

        Assert.Equal(0, run.ExitCode);
        var decision = (await cli.RecordsAsync()).OfType<DecisionRecord>().Single();
        Assert.Equal([DecisionOutcome.RequireApproval, DecisionOutcome.Allow], decision.PolicyOutcomes);
        Assert.Null(decision.Facts);
        Assert.Null(decision.FactsDigest);
    }

    [Theory]
    [InlineData("""{"type":"decision","id":"d7","at":"2026-03-04T19:30:00Z","outcome":"deny","policies":[{"id":"corkage-fee"}]}""", "'policies[0]' needs 'outcome' (allow|require-approval|deny), what this policy said")]
    [InlineData("""{"type":"decision","id":"d7","at":"2026-03-04T19:30:00Z","outcome":"deny","policies":[{"id":"corkage-fee","outcome":"no"}]}""", "'policies[0].outcome' must be one of allow|require-approval|deny, not 'no'")]
    [InlineData("""{"type":"decision","id":"d7","at":"2026-03-04T19:30:00Z","outcome":"deny","policies":[{"id":"corkage-fee","outcome":"deny","why":"x"}]}""", "'policies[0]' has an unknown field 'why' (expected id, outcome)")]
    [InlineData("""{"type":"decision","id":"d7","at":"2026-03-04T19:30:00Z","outcome":"deny","policies":[{"id":"corkage-fee","outcome":"allow"}]}""", "'outcome' is 'deny', but the strongest outcome in 'policies' is 'allow': a decision's outcome is its policies' strongest (deny, then require-approval, then allow)")]
    [InlineData("""{"type":"decision","id":"d7","at":"2026-03-04T19:30:00Z","outcome":"deny","policies":[{"id":"corkage-fee","outcome":"deny"},{"id":"corkage-fee","outcome":"allow"}]}""", "policy 'corkage-fee' is listed twice in 'policies'")]
    [InlineData("""{"type":"decision","id":"d7","at":"2026-03-04T19:30:00Z","outcome":"deny","policies":["corkage-fee"],"facts":{"type":"X"}}""", "'facts' must be an array of {\"type\": \"Ns.TypeName\", \"value\": {...}} objects, not something else")]
    [InlineData("""{"type":"decision","id":"d7","at":"2026-03-04T19:30:00Z","outcome":"deny","policies":["corkage-fee"],"facts":[{"type":"X","value":"Barolo"}]}""", "'facts[0].value' must be a JSON object (the fact's public properties), not a string")]
    [InlineData("""{"type":"decision","id":"d7","at":"2026-03-04T19:30:00Z","outcome":"deny","policies":["corkage-fee"],"facts":[{"value":{}}]}""", "'facts[0]' needs 'type', the fact's type by full name, such as Restaurant.Facts.BroughtBottle")]
    [InlineData("""{"type":"decision","id":"d7","at":"2026-03-04T19:30:00Z","outcome":"deny","policies":["corkage-fee"],"facts":[{"type":"Bottle of wine","value":{}}]}""", "'facts[0].type' must be a type's full name such as Restaurant.Facts.BroughtBottle, not 'Bottle of wine'")]
    [InlineData("""{"type":"decision","id":"d7","at":"2026-03-04T19:30:00Z","outcome":"deny","policies":["corkage-fee"],"facts":[{"type":"X","value":{},"masked":"Email"}]}""", "'facts[0].masked' must be an array of the masked properties' names")]
    public async Task Import_BadFactsOrPolicyOutcomes_RefusedWithFileLineAndStoreUnchanged(string line, string problem)
    {
        using var cli = new CliHarness();
        var file = cli.Write("bad.jsonl", Policies + "\n" + line + "\n");

        var run = await cli.RunAsync("import", "--store", cli.Store, file);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"{file}:4: {problem}", run.Error.ReplaceLineEndings("\n").Split('\n')[0]);
        Assert.False(File.Exists(cli.Store) && (await cli.StateAsync()).Count > 0);
    }

    [Fact]
    public async Task Import_FactsOverTheLimit_RefusedSayingHowBig()
    {
        using var cli = new CliHarness();
        var file = cli.Write("big.jsonl", Policies + "\n"
            + """{"type":"decision","id":"d7","at":"2026-03-04T19:30:00Z","outcome":"deny","policies":["corkage-fee"],"facts":[{"type":"X","value":{"Text":""" + "\"" + new string('x', 17_000) + "\"}}]}");

        var run = await cli.RunAsync("import", "--store", cli.Store, file);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"{file}:4: 'facts' take 17,034 bytes; a decision stores at most 16,384 (leave out what the policies do not read)", run.Error.ReplaceLineEndings("\n").Split('\n')[0]);
    }
}
