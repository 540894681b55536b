using System.Text;
using System.Text.Json;

namespace PolicyAudit.Reliability.Tests;

/// <summary>
/// Imported text: look-alike ids are one id, invisible ones are refused with FILE:LINE, bytes that are not UTF-8 and
/// oversized lines or fields are refused naming the line, and times that cannot be true are refused.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class ImportTextTests : IDisposable
{
    private const string Policy = """{"type":"policy","id":"corkage-fee","overridableBy":"manager"}""";

    private readonly TemporaryFolder _folder = new("import-text");

    private string Store => _folder.File("audit.db");

    [Fact]
    public async Task Import_TenLookAlikeStaffIds_RefusedNamingTheLineAndCharacter()
    {
        // Ten overrides by one waiter, nine of them spelt with an invisible character: counted as ten people, a
        // "coach this waiter" verdict would become "rescind the policy".
        var lines = new List<string> { Policy };
        for (var i = 0; i < 10; i++)
        {
            lines.Add(Decision($"d{i}", "2026-03-01T19:30:00Z"));
            lines.Add(Override($"d{i}", "2026-03-01T19:31:00Z", "waiter-7" + new string('\u200B', i)));
        }

        var run = await ImportAsync("evidence.jsonl", string.Join("\n", lines));

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("evidence.jsonl:5: 'staff' holds the invisible or control character U+200B", run.Error, StringComparison.Ordinal);
        Assert.Contains("Nothing was imported.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_SameIdComposedDecomposedAndPadded_StoredAsOneId()
    {
        var run = await ImportAsync("evidence.jsonl", string.Join("\n",
            Policy,
            Decision("d1", "2026-03-01T19:30:00Z"),
            Decision("d2", "2026-03-01T19:40:00Z"),
            Override("d1", "2026-03-01T19:31:00Z", "Zo\u00EB"),
            Override("d2", "2026-03-01T19:41:00Z", " Zoe\u0308 ")));

        Assert.True(run.ExitCode == 0, run.ToString());
        var report = await Cli.RunAsync("report", "--store", Store, "--format", "json");
        using var json = JsonDocument.Parse(report.Output);
        var staff = json.RootElement.GetProperty("staff").EnumerateArray().Select(s => s.GetProperty("staff").GetString()).ToArray();
        Assert.Equal("Zo\u00EB", Assert.Single(staff, s => s!.StartsWith("Zo", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Import_CsvIdWithBidiControl_RefusedNamingTheLine()
    {
        var csv = "decision_id,at,policy,outcome,customer,staff,override_staff,override_role,justification,approved_by,override_at\r\n"
            + "pos-1,2026-03-02T20:00:00Z,corkage-fee,deny,c1,w2,,,,,\r\n"
            + "pos-2,2026-03-02T20:00:00Z,corkage-fee,deny,c1,w2,\u202Ew2,staff,Regular,m1,2026-03-02T20:01:00Z\r\n";
        await ImportAsync("policies.jsonl", Policy);

        var run = await ImportAsync("pos.csv", csv);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("pos.csv:3: 'override_staff' holds the invisible or control character U+202E", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_InvalidUtf8_RefusedNamingTheLineNotReplaced()
    {
        var bytes = Encoding.UTF8.GetBytes(Policy + "\n" + Decision("d1", "2026-03-01T19:30:00Z") + "\n")
            .Concat(Encoding.UTF8.GetBytes("""{"type":"outcome","decision":"d1","at":"2026-03-02T10:00:00Z","kind":"complaint","note":"caf"""))
            .Concat(new byte[] { 0xC3, 0x28 })
            .Concat(Encoding.UTF8.GetBytes("\"}\n")).ToArray();
        File.WriteAllBytes(_folder.File("evidence.jsonl"), bytes);

        var run = await Cli.RunAsync("import", "--store", Store, _folder.File("evidence.jsonl"));

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("evidence.jsonl:3: not valid UTF-8", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Store));
    }

    [Fact]
    public async Task Import_LineLongerThanOneMebibyte_RefusedNamingTheLine()
    {
        var huge = """{"type":"outcome","decision":"d1","at":"2026-03-02T10:00:00Z","kind":"complaint","note":" """ + new string('x', 1_100_000) + "\"}";

        var run = await ImportAsync("evidence.jsonl", string.Join("\n", Policy, Decision("d1", "2026-03-01T19:30:00Z"), huge));

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("evidence.jsonl:3: the line is longer than", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_JustificationOverTheLimit_RefusedNamingTheLine()
    {
        var run = await ImportAsync("evidence.jsonl", string.Join("\n",
            Policy, Decision("d1", "2026-03-01T19:30:00Z"), Override("d1", "2026-03-01T19:31:00Z", "w1", new string('j', EvidenceLimits.TextLength + 1))));

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains($"evidence.jsonl:3: 'justification' is {EvidenceLimits.TextLength + 1} characters long; it may be at most {EvidenceLimits.TextLength}", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_JsonNestedTooDeep_SaysSo()
    {
        var run = await ImportAsync("evidence.jsonl", """{"type":"policy","id":"p","overridableBy":"manager","title":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["x"]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}""");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("evidence.jsonl:1: JSON nested deeper than 32 levels", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1999-12-31T23:59:59Z", "is before 2000-01-01")]
    [InlineData("2206-03-01T19:30:00Z", "the latest time an import accepts")]
    public async Task Import_DecisionAtATimeThatCannotBeTrue_RefusedNamingTheLine(string at, string expected)
    {
        var run = await ImportAsync("evidence.jsonl", string.Join("\n", Policy, Decision("d1", at)));

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("evidence.jsonl:2: 'at'", run.Error, StringComparison.Ordinal);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_EarliestOption_AcceptsOlderEvidence()
    {
        var file = _folder.File("evidence.jsonl");
        File.WriteAllText(file, string.Join("\n", Policy, Decision("d1", "1999-06-01T12:00:00Z")));

        var run = await Cli.RunAsync("import", "--store", Store, "--earliest", "1990-01-01", file);

        Assert.True(run.ExitCode == 0, run.ToString());
    }

    [Theory]
    [InlineData("override")]
    [InlineData("outcome")]
    public async Task Import_RecordDatedBeforeItsDecision_RefusedNamingTheLine(string type)
    {
        var late = type == "override"
            ? Override("d1", "2026-03-01T19:29:00Z", "w1")
            : """{"type":"outcome","decision":"d1","at":"2026-03-01T19:00:00Z","kind":"complaint","note":null}""";

        var run = await ImportAsync("evidence.jsonl", string.Join("\n", Policy, Decision("d1", "2026-03-01T19:30:00Z"), late));

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains($"evidence.jsonl:3: {type} at", run.Error, StringComparison.Ordinal);
        Assert.Contains("is before its decision 'd1'", run.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();

    private static string Decision(string id, string at) =>
        $$"""{"type":"decision","id":"{{id}}","at":"{{at}}","policies":["corkage-fee"],"outcome":"deny","customer":"c1","staff":"w1","location":"sf"}""";

    private static string Override(string decision, string at, string staff, string justification = "Anniversary; their own wedding wine") =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["type"] = "override", ["decision"] = decision, ["at"] = at, ["staff"] = staff, ["role"] = "staff", ["justification"] = justification, ["approvedBy"] = "m1",
        });

    private async Task<CliRun> ImportAsync(string name, string content)
    {
        var file = _folder.File(name);
        File.WriteAllText(file, content + "\n", new UTF8Encoding(false));
        return await Cli.RunAsync("import", "--store", Store, file);
    }
}
