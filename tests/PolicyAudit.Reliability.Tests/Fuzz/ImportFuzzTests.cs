using System.Text;
using System.Text.RegularExpressions;

namespace PolicyAudit.Reliability.Tests;

[Trait("Category", "Reliability")]
public sealed class ImportFuzzTests(ITestOutputHelper output)
{
    private const int Inputs = 10_000;

    /// <summary>Every this many inputs goes through the real SQLite store and the tool's own store opening.</summary>
    private const int SqliteEvery = 50;

    [Fact]
    public async Task Import_TenThousandMutatedFiles_NeverCrashesNeverImportsPartOfAFileAndEveryRefusalNamesALine()
    {
        var seed = Seed.Next(output);
        var random = new Random(seed);
        var mutator = new InputMutator(random);
        using var folder = new TemporaryFolder("fuzz");
        var template = folder.File("template.db");
        var seeded = EvidenceSamples.Create(decisions: 6);
        await using (var store = await SqliteEvidence.OpenAsync(template))
        {
            await store.AppendAsync(seeded, AppendDurability.Durable);
        }

        var outcomes = new Dictionary<string, int>();
        for (var i = 0; i < Inputs; i++)
        {
            var csv = random.Next(2) == 0;
            var content = mutator.Mutate(csv ? ImportSamples.Csv : ImportSamples.JsonLines);
            var source = folder.File($"input-{i}" + (csv ? ".csv" : ".jsonl"));
            await File.WriteAllBytesAsync(source, content);
            var context = $"seed {seed}, input {i} ({mutator.LastDescription}), {source}:\n{Encoding.UTF8.GetString(content)}\n";

            string result;
            if (i % SqliteEvery == 0)
            {
                var path = folder.File($"store-{i}.db");
                SqliteFiles.Copy(template, path);
                result = await ImportIntoSqliteAsync(path, source, content, csv, context);
                SqliteFiles.Delete(path);
            }
            else
            {
                var memory = new InMemoryEvidenceStore();
                await memory.AppendAsync(seeded, AppendDurability.Durable);
                result = await ImportAsync(new BorrowedStore(memory), source, content, csv, context, (args, _) => Cli.RunAsync(new BorrowedStore(memory), args));
            }

            outcomes[result] = outcomes.GetValueOrDefault(result) + 1;
            File.Delete(source);
        }

        output.WriteLine($"{Inputs} inputs: {string.Join(", ", outcomes.OrderBy(p => p.Key).Select(p => $"{p.Value} {p.Key}"))}");
        Assert.True(outcomes.GetValueOrDefault("accepted") > 0 && outcomes.GetValueOrDefault("refused") > 0, "the fuzzer should produce both accepted and refused inputs");
    }

    private static async Task<string> ImportIntoSqliteAsync(string path, string source, byte[] content, bool csv, string context)
    {
        // The store is reopened for every look, so what is checked is what the tool left on disk.
        var probe = new ReopeningStore(path);
        return await ImportAsync(probe, source, content, csv, context, (args, _) => Cli.RunAsync(args));
    }

    private static async Task<string> ImportAsync(IEvidenceStore store, string source, byte[] content, bool csv, string context, Func<string[], IEvidenceStore, Task<CliRun>> run)
    {
        var storeName = store is ReopeningStore sqlite ? sqlite.Path : "memory";
        var before = await store.VerifyAsync();
        var import = await run(["import", "--store", storeName, source], store);
        Assert.True(import.ExitCode is 0 or 2, $"{context}{import}");
        var after = await store.VerifyAsync();
        Assert.True(after.IsValid, $"{context}the chain no longer verifies: {after}\n{import}");
        if (import.ExitCode == 2)
        {
            Assert.Matches(new Regex("^" + Regex.Escape(source) + @":[1-9]\d*: \S"), import.Error);
            Assert.True(after.RecordsChecked == before.RecordsChecked && after.Head == before.Head, $"{context}refused, yet the store changed: {before} -> {after}\n{import}");
            return "refused";
        }

        var expected = ExpectedRecords.Count(content, csv);
        Assert.True(after.RecordsChecked - before.RecordsChecked == expected, $"{context}accepted, but {after.RecordsChecked - before.RecordsChecked} records landed, not {expected}\n{import}");

        // Everything the file holds is in the store now: importing it again, skipping what exists, adds nothing.
        var again = await run(["import", "--store", storeName, "--skip-existing", source], store);
        var final = await store.VerifyAsync();
        Assert.True(again.ExitCode == 0 && final.RecordsChecked == after.RecordsChecked, $"{context}re-import after acceptance: {again}; {after} -> {final}");
        return "accepted";
    }

    /// <summary>Looks at an SQLite file through a store opened for each call, closed straight after.</summary>
    private sealed class ReopeningStore(string path) : IEvidenceStore
    {
        public string Path { get; } = path;

        public async Task<ChainVerification> VerifyAsync(ChainCheckpoint? checkpoint = null, CancellationToken cancellationToken = default)
        {
            await using var store = await SqliteEvidence.OpenAsync(Path, cancellationToken);
            return await store.VerifyAsync(checkpoint, cancellationToken);
        }

        public Task<IReadOnlyList<ChainCheckpoint>> AppendAsync(IReadOnlyList<EvidenceRecord> records, AppendDurability durability, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public IAsyncEnumerable<StoredEvidence> ReadAsync(EvidenceWindow window, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public IAsyncEnumerable<StoredEvidence> ReadCustomerAsync(string customer, EvidenceWindow window, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public IAsyncEnumerable<StoredEvidence> ReadForDecisionsAsync(IReadOnlyCollection<string> decisionIds, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public IAsyncEnumerable<StoredEvidence> ReadKindsAsync(IReadOnlyCollection<EvidenceKind> kinds, EvidenceWindow window, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlySet<string>> FindExistingAsync(EvidenceKind kind, IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<ChainCheckpoint?> GetHeadAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
