using System.Globalization;
using System.Text.RegularExpressions;

namespace PolicyAudit.Reliability.Tests;

[Trait("Category", "Reliability")]
public sealed partial class TamperTests(ITestOutputHelper output)
{
    private const int Cases = 1_000;

    [Fact]
    public async Task Verify_ThousandRandomSingleChangesToSqliteEvidence_EveryChangeDetectedNamingARecord()
    {
        var seed = Seed.Next(output);
        var random = new Random(seed);
        using var folder = new TemporaryFolder("tamper");
        var template = folder.File("template.db");
        await EvidenceSamples.CreateSqliteAsync(template, decisions: 80);
        List<RawSqlite.StoredRow> original;
        var probe = folder.File("probe.db");
        SqliteFiles.Copy(template, probe);
        using (var connection = RawSqlite.OpenAsAttacker(probe))
        {
            original = RawSqlite.ReadRows(connection);
        }

        // The reviewer's checkpoint, exported with the tool before anything was touched.
        var checkpoint = folder.File("head.checkpoint");
        var exported = await Cli.RunAsync("checkpoint", "--store", template, "--out", checkpoint);
        Assert.True(exported.ExitCode == 0, exported.ToString());
        Assert.True((await Cli.RunAsync("verify", "--store", template, "--checkpoint", checkpoint)).ExitCode == 0);

        var tamperer = new Tamperer(random, original);
        var seen = new Dictionary<string, int>();
        for (var i = 0; i < Cases; i++)
        {
            var path = folder.File($"case-{i}.db");
            SqliteFiles.Copy(template, path);
            Tampering tampering;
            using (var connection = RawSqlite.OpenAsAttacker(path))
            {
                tampering = tamperer.Apply(connection);
                Assert.False(RawSqlite.ReadRows(connection).SequenceEqual(original), $"seed {seed}, case {i}: '{tampering.Description}' changed nothing");
            }

            var context = $"seed {seed}, case {i}: {tampering.Description}";
            var checkpointed = await Cli.RunAsync("verify", "--store", path, "--checkpoint", checkpoint);
            AssertDetected(checkpointed, tampering, context + " (with checkpoint)");

            var plain = await Cli.RunAsync("verify", "--store", path);
            if (tampering.PlainChainSees == true)
            {
                AssertDetected(plain, tampering, context + " (no checkpoint)");
            }
            else if (tampering.PlainChainSees == false)
            {
                Assert.True(plain.ExitCode == 0, $"{context}: a plain chain cannot see its tail cut off, yet {plain}");
            }

            seen[tampering.Kind] = seen.GetValueOrDefault(tampering.Kind) + 1;
            SqliteFiles.Delete(path);
        }

        output.WriteLine($"{Cases} changes detected: {string.Join(", ", seen.OrderBy(p => p.Key).Select(p => $"{p.Value} {p.Key}"))}; store of {original.Count} records");
    }

    [Fact]
    public async Task Verify_CustomerColumnOfAnOverrideEditedToHideItFromHistory_CaughtNamingThatRecord()
    {
        using var folder = new TemporaryFolder("tamper-index");
        var path = folder.File("audit.db");
        await EvidenceSamples.CreateSqliteAsync(path, decisions: 40);
        long sequence;
        string customer;
        using (var connection = RawSqlite.OpenAsAttacker(path))
        {
            var target = RawSqlite.ReadRows(connection).First(r => r.Kind == "override");
            (sequence, customer) = (target.Sequence, target.Customer!);
            RawSqlite.Execute(connection, "UPDATE evidence SET customer = 'someone-else' WHERE sequence = $sequence;", ("$sequence", sequence));
        }

        var history = await Cli.RunAsync("history", "--store", path, "--customer", customer, "--format", "json");
        var verify = await Cli.RunAsync("verify", "--store", path);

        Assert.True(history.ExitCode == 0, history.ToString());
        Assert.DoesNotContain($"\"sequence\": {sequence},", history.Output, StringComparison.Ordinal);
        Assert.True(verify.ExitCode == 3, verify.ToString());
        Assert.StartsWith($"INVALID at record {sequence}: record {sequence}'s query columns (customer 'someone-else'", verify.Error, StringComparison.Ordinal);
    }

    private static void AssertDetected(CliRun run, Tampering tampering, string context)
    {
        Assert.True(run.ExitCode == 3, $"{context}: not detected: {run}");
        var named = NamedRecord().Match(run.Error);
        Assert.True(named.Success, $"{context}: the message names no record: {run}");
        var sequence = long.Parse(named.Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.True(sequence >= tampering.FirstTouched && sequence <= tampering.LastTouched + 1, $"{context}: names record {sequence}, outside {tampering.FirstTouched}..{tampering.LastTouched + 1}: {run}");
    }

    [GeneratedRegex(@"^INVALID at record (\d+): \S")]
    private static partial Regex NamedRecord();
}
