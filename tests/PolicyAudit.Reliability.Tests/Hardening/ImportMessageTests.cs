using System.Text;
using Microsoft.Data.Sqlite;

namespace PolicyAudit.Reliability.Tests;

/// <summary>When an import cannot proceed because of other writers, the message says which store and what to do.</summary>
[Trait("Category", "Reliability")]
public sealed class ImportMessageTests : IDisposable
{
    private readonly TemporaryFolder _folder = new("import-messages");

    [Fact]
    public async Task Import_StoreLockedByAnotherWriterBeyondTheWait_NamesTheStoreAndNothingImported()
    {
        var store = _folder.File("audit.db");
        var evidence = Evidence(decisions: 5);
        Assert.Equal(0, (await Cli.RunAsync("import", "--store", store, Evidence(decisions: 1, name: "first.jsonl"))).ExitCode);
        using var writer = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = store, Pooling = false }.ToString());
        writer.Open();
        using var transaction = writer.BeginTransaction(deferred: false);

        var run = await Cli.RunAsync("import", "--store", store, "--skip-existing", evidence);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains(store + ": the store stayed locked by another writer", run.Error, StringComparison.Ordinal);
        Assert.EndsWith("Nothing was imported.", run.Error.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_SameFileConcurrentlyWithSkipExisting_AllSucceedRecordsStoredOnce()
    {
        var store = _folder.File("audit.db");
        var evidence = Evidence(decisions: 2_000);
        Assert.Equal(0, (await Cli.RunAsync("import", "--store", store, Evidence(decisions: 1, name: "first.jsonl"))).ExitCode);

        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Cli.RunAsync("import", "--store", store, "--skip-existing", evidence))));

        Assert.All(runs, run => Assert.True(run.ExitCode == 0, run.ToString()));
        var verify = await Cli.RunAsync("verify", "--store", store);
        Assert.StartsWith("valid: 2002 records", verify.Output, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();

    private string Evidence(int decisions, string name = "evidence.jsonl")
    {
        var text = new StringBuilder("""{"type":"policy","id":"corkage-fee","overridableBy":"manager"}""").Append('\n');
        for (var i = 0; i < decisions; i++)
        {
            text.Append($$"""{"type":"decision","id":"{{name}}-d{{i}}","at":"2026-03-01T19:30:00Z","policies":["corkage-fee"],"outcome":"deny"}""").Append('\n');
        }

        var path = _folder.File(name);
        File.WriteAllText(path, text.ToString());
        return path;
    }
}
