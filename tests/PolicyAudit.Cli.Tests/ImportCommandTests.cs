namespace PolicyAudit.Cli.Tests;

public sealed class ImportCommandTests
{
    [Fact]
    public async Task Import_GoodJsonLinesAndCsv_WritesEverything()
    {
        using var cli = new CliHarness();

        var run = await cli.ImportStandardAsync();

        Assert.Equal("Imported 8 records: 2 policies, 3 decisions, 2 overrides (1 without the required authority), 1 outcomes.\n", run.Out.ReplaceLineEndings("\n"));
        var records = await cli.RecordsAsync();
        Assert.Equal(8, records.Count);
        var imported = records.OfType<OverrideRecord>().Single(o => o.DecisionId == "pos-1");
        Assert.Equal("d1:override", records.OfType<OverrideRecord>().Single(o => o.DecisionId == "d1").Id);
        Assert.Equal(StaffRole.Supervisor, imported.RequiredRole);
        Assert.Equal("m1", imported.ApprovedBy);
        Assert.Equal("Regular, nice", imported.Justification);
        Assert.Equal("c1", imported.Decision.Customer);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 20, 0, 0, TimeSpan.Zero), imported.Decision.DecidedAt);
    }

    [Fact]
    public async Task Import_HistoricalOverrideWithoutAuthority_ImportedAndCountedAsUnauthorized()
    {
        using var cli = new CliHarness();
        await cli.ImportStandardAsync();

        var records = await cli.RecordsAsync();

        var unauthorized = records.OfType<OverrideRecord>().Single(o => o.DecisionId == "d1");
        Assert.True(unauthorized.IsUnauthorized);
        Assert.Equal(StaffRole.Manager, unauthorized.RequiredRole);
    }

    [Fact]
    public async Task Import_SameFilesAgainWithSkipExisting_AddsNothing()
    {
        using var cli = new CliHarness();
        await cli.ImportStandardAsync();
        var before = await cli.StateAsync();

        var run = await cli.RunAsync("import", "--store", cli.Store, "--skip-existing", cli.PathOf("policies.jsonl"), cli.PathOf("evidence.jsonl"), cli.PathOf("pos.csv"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("skipped 8 already in the store", run.Out, StringComparison.Ordinal);
        Assert.Equal(before, await cli.StateAsync());
    }

    [Fact]
    public async Task Import_IdAlreadyStored_RefusedAndStoreUnchanged()
    {
        using var cli = new CliHarness();
        await cli.ImportStandardAsync();
        var before = await cli.StateAsync();
        var file = cli.Write("again.jsonl", """{"type":"decision","id":"d1","at":"2026-03-01T19:30:00Z","policies":["no-substitutions"],"outcome":"deny"}""");

        var run = await cli.RunAsync("import", "--store", cli.Store, file);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"{file}:1: decision 'd1' is already in the store (use --skip-existing to skip records imported before)", FirstLine(run.Error));
        Assert.Equal(before, await cli.StateAsync());
    }

    [Fact]
    public async Task Import_DuplicateIdInTheFile_Refused()
    {
        using var cli = new CliHarness();
        var file = cli.Write("dup.jsonl", CliHarness.PolicyLines + "\n" + CliHarness.EvidenceLines + "\n"
            + """{"type":"decision","id":"d1","at":"2026-03-05T19:30:00Z","policies":["corkage-fee"],"outcome":"deny"}""");

        var run = await cli.RunAsync("import", "--store", cli.Store, file);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"{file}:6: decision 'd1' appears twice (first at {file}:3)", FirstLine(run.Error));
    }

    [Fact]
    public async Task Import_TruncatedLine_RefusedWithItsLineAndStoreUnchanged()
    {
        using var cli = new CliHarness();
        await cli.ImportStandardAsync();
        var before = await cli.StateAsync();
        var file = cli.Write("cut.jsonl", """
            {"type":"decision","id":"d7","at":"2026-03-04T19:30:00Z","policies":["no-substitutions"],"outcome":"deny"}
            {"type":"decision","id":"d8","at":"2026-03-04T19:
            """);

        var run = await cli.RunAsync("import", "--store", cli.Store, file);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"{file}:2: not valid JSON (at character 50): each line must be one complete JSON object", FirstLine(run.Error));
        Assert.Equal("Nothing was imported.", run.Error.ReplaceLineEndings("\n").Split('\n')[1]);
        Assert.Equal(before, await cli.StateAsync());
    }

    [Theory]
    [InlineData("""{"type":"decision","id":"d7","at":"2026-03-04T19:30:00Z","policies":["no-substitutions"],"outcome":"maybe"}""", "'outcome' must be one of allow|require-approval|deny, not 'maybe'")]
    [InlineData("""{"type":"policy","id":"p","title":"P","owner":null,"overridableBy":"boss","rationale":null}""", "'overridableBy' must be one of staff|supervisor|manager|owner|nobody, not 'boss'")]
    [InlineData("""{"type":"override","decision":"d1","at":"2026-03-04T19:30:00Z","staff":"w1","role":"nobody","justification":"x","approvedBy":null}""", "'role' must be one of staff|supervisor|manager|owner, not 'nobody'")]
    [InlineData("""{"type":"outcome","decision":"d1","at":"yesterday","kind":"loss","note":null}""", "'at' must be an ISO 8601 time such as 2026-03-01T19:30:00Z, not 'yesterday'")]
    [InlineData("""{"type":"override","decision":"nope","at":"2026-03-04T19:30:00Z","staff":"w1","role":"staff","justification":"x","approvedBy":null}""", "override refers to unknown decision 'nope'")]
    [InlineData("""{"type":"outcome","decision":"nope","at":"2026-03-04T19:30:00Z","kind":"loss","note":null}""", "outcome refers to unknown decision 'nope'")]
    [InlineData("""{"type":"decision","id":"d7","at":"2026-03-04T19:30:00Z","policies":["no-such-policy"],"outcome":"deny"}""", "decision 'd7' refers to unknown policy 'no-such-policy' (import the policy first, or in the same run)")]
    [InlineData("""{"type":"decision","id":"d7","at":"2026-03-04T19:30:00Z","policies":[],"outcome":"deny"}""", "'policies' must be a non-empty array of policy ids or {\"id\": ..., \"outcome\": ...} objects")]
    [InlineData("""{"type":"decision","id":7,"at":"2026-03-04T19:30:00Z","policies":["corkage-fee"],"outcome":"deny"}""", "'id' must be a string, not a number")]
    [InlineData("""{"type":"decision","at":"2026-03-04T19:30:00Z","policies":["corkage-fee"],"outcome":"deny"}""", "a decision needs 'id'")]
    [InlineData("""{"type":"refund","id":"x"}""", "unknown type 'refund' (expected policy|decision|override|outcome)")]
    [InlineData("""{"type":"decision","id":"d7","at":"2026-03-04T19:30:00Z","policies":["corkage-fee"],"outcome":"deny","colour":"red"}""", "unknown field 'colour' in a decision (expected type, id, at, policies, outcome, customer, staff, location, facts)")]
    [InlineData("""["type","decision"]""", "expected a JSON object, found an array")]
    [InlineData("""{"type":"override","decision":"pos-2","at":"2026-03-04T19:30:00Z","staff":"w1","role":"staff","justification":"x","approvedBy":null,"approvedBy":"m"}""", "field 'approvedBy' is given twice")]
    public async Task Import_BadLine_RefusedWithItsMessageAndStoreUnchanged(string line, string problem)
    {
        using var cli = new CliHarness();
        await cli.ImportStandardAsync();
        var before = await cli.StateAsync();
        var file = cli.Write("bad.jsonl", "\n" + line + "\n");

        var run = await cli.RunAsync("import", "--store", cli.Store, file);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"{file}:2: {problem}", FirstLine(run.Error));
        Assert.Equal(before, await cli.StateAsync());
    }

    [Theory]
    [InlineData("d9,2026-03-02T20:00:00Z,corkage-fee,deny,c1,w2\r\n", "expected 11 fields, found 6")]
    [InlineData("d9,2026-03-02T20:00:00Z,corkage-fee,deny,c1,w2,w2,staff,\"unclosed,,\r\n", "a quoted field is not closed before the end of the file")]
    [InlineData("d9,2026-03-02T20:00:00Z,corkage-fee,deny,c1,w2,,,late,,\r\n", "'justification' is given but 'override_staff' is empty (leave every override column empty when the decision was not overridden)")]
    [InlineData("d9,2026-03-02T20:00:00Z,corkage-fee,deny,c1,w2,w2,chef,x,,2026-03-02T20:01:00Z\r\n", "'override_role' must be one of staff|supervisor|manager|owner, not 'chef'")]
    [InlineData("d9,2026-03-02T20:00:00Z,corkage-fee,allow,c1,w2,w2,staff,x,,2026-03-02T20:01:00Z\r\n", "override of decision 'd9', which allowed the request: there is nothing to override")]
    [InlineData("d9,2026-03-02T20:00:00Z,corkage-fee,deny,c1,w2,w2,staff,x,,\r\n", "'override_at' must not be empty")]
    public async Task Import_BadCsvRow_RefusedWithItsMessage(string row, string problem)
    {
        using var cli = new CliHarness();
        await cli.ImportStandardAsync();
        var before = await cli.StateAsync();
        var file = cli.Write("bad.csv", CliHarness.PosExport.Split("\r\n")[0] + "\r\n" + row);

        var run = await cli.RunAsync("import", "--store", cli.Store, file);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"{file}:2: {problem}", FirstLine(run.Error));
        Assert.Equal(before, await cli.StateAsync());
    }

    [Fact]
    public async Task Import_SeveralProblems_ReportsTheFirstBySourceAndLine()
    {
        using var cli = new CliHarness();
        var policies = cli.Write("policies.jsonl", CliHarness.PolicyLines);
        var file = cli.Write("many.jsonl", """
            {"type":"outcome","decision":"ghost","at":"2026-03-04T19:30:00Z","kind":"loss","note":null}
            {"type":"decision","id":"d7","at":"2026-03-04T19:30:00Z","policies":["no-such-policy"],"outcome":"deny"}
            {"type":"override","decision":"nope","at":"2026-03-04T19:30:00Z","staff":"w1","role":"staff","justification":"x","approvedBy":null}
            """);

        var run = await cli.RunAsync("import", "--store", cli.Store, policies, file);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"{file}:1: outcome refers to unknown decision 'ghost'", FirstLine(run.Error));
    }

    [Fact]
    public async Task Import_CsvWithWrongHeader_RefusedAtLineOne()
    {
        using var cli = new CliHarness();
        var file = cli.Write("bad.csv", "id,at\r\nx,y\r\n");

        var run = await cli.RunAsync("import", "--store", cli.Store, file);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"{file}:1: the first line must be the header '{CsvEvidenceReader.Header}'", FirstLine(run.Error));
    }

    [Fact]
    public async Task Import_OverrideOfDecisionAlreadyStored_UsesTheStoredDecision()
    {
        using var cli = new CliHarness();
        await cli.ImportStandardAsync();
        var file = cli.Write("late.jsonl", """{"type":"override","decision":"pos-2","at":"2026-03-03T20:05:00Z","staff":"m1","role":"manager","justification":"Birthday","approvedBy":null}""");

        var run = await cli.RunAsync("import", "--store", cli.Store, file);

        Assert.Equal(0, run.ExitCode);
        var late = (await cli.RecordsAsync()).OfType<OverrideRecord>().Single(o => o.DecisionId == "pos-2");
        Assert.Equal("c2", late.Decision.Customer);
        Assert.False(late.IsUnauthorized);
    }

    [Fact]
    public async Task Import_UnknownExtensionOrMissingFile_Refused()
    {
        using var cli = new CliHarness();
        var text = cli.Write("evidence.txt", "x");

        var unknown = await cli.RunAsync("import", "--store", cli.Store, text);
        var missing = await cli.RunAsync("import", "--store", cli.Store, cli.PathOf("missing.jsonl"));

        Assert.Equal(2, unknown.ExitCode);
        Assert.Equal($"{text}: unknown format '.txt': name JSON Lines files *.jsonl (or *.ndjson) and CSV files *.csv", FirstLine(unknown.Error));
        Assert.Equal(2, missing.ExitCode);
        Assert.StartsWith($"{cli.PathOf("missing.jsonl")}: cannot be read: ", FirstLine(missing.Error), StringComparison.Ordinal);
        Assert.False(File.Exists(cli.Store));
    }

    private static string FirstLine(string text) => text.ReplaceLineEndings("\n").Split('\n')[0];
}
