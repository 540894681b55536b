using System.Text;
using System.Text.RegularExpressions;

namespace PolicyAudit.Cli.Tests;

/// <summary>
/// Mutated imports never crash the tool: each is either accepted or refused with exit code 2 and a message that
/// names a line. (The full 10,000-input fuzz suite lives in the reliability tests; this is its quick sibling.)
/// </summary>
public sealed class ImportMutationTests
{
    private const string Alphabet = "{}[],:\"\\ \n\r\t0123456789abcdefxyz-+.eE\u00e9\u2028\0";

    [Theory]
    [InlineData("evidence.jsonl", 300)]
    [InlineData("pos.csv", 300)]
    public async Task Import_MutatedInput_AcceptedOrRefusedWithALine(string name, int mutations)
    {
        using var cli = new CliHarness();
        var original = name.EndsWith(".csv", StringComparison.Ordinal)
            ? CliHarness.PosExport
            : CliHarness.PolicyLines + "\n" + CliHarness.EvidenceLines + "\n";
        var policies = cli.Write("policies.jsonl", CliHarness.PolicyLines);
        var random = new Random(4242);
        for (var i = 0; i < mutations; i++)
        {
            var file = cli.Write(name, Mutate(original, random));

            var run = await CliHarness.RunAsync(new InMemoryStores(), "import", "--store", "memory", policies, file);

            Assert.True(run.ExitCode is 0 or 2, $"mutation {i}: exit {run.ExitCode}: {run.Error}");
            if (run.ExitCode == 2)
            {
                Assert.Matches(new Regex("^" + Regex.Escape(file) + @":\d+: \S"), run.Error);
            }
        }
    }

    private static string Mutate(string text, Random random)
    {
        var builder = new StringBuilder(text);
        for (var edits = random.Next(1, 4); edits > 0 && builder.Length > 0; edits--)
        {
            var at = random.Next(builder.Length);
            switch (random.Next(5))
            {
                case 0:
                    builder.Remove(at, 1);
                    break;
                case 1:
                    builder.Insert(at, Alphabet[random.Next(Alphabet.Length)]);
                    break;
                case 2:
                    builder[at] = Alphabet[random.Next(Alphabet.Length)];
                    break;
                case 3:
                    builder.Length = at;
                    break;
                default:
                    var length = Math.Min(random.Next(1, 40), builder.Length - at);
                    builder.Insert(random.Next(builder.Length), builder.ToString(at, length));
                    break;
            }
        }

        return builder.ToString();
    }
}
