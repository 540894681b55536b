using Microsoft.Data.Sqlite;
using PolicyAudit.Cli;

namespace PolicyAudit.Cli.Tests;

/// <summary>Runs the CLI in-process in a temporary folder, with temporary SQLite stores; deletes the folder when disposed.</summary>
internal sealed class CliHarness : IDisposable
{
    public const string PolicyLines = """
        {"type":"policy","id":"no-substitutions","title":"No substitutions on set menus","owner":"chef","overridableBy":"manager","rationale":"Set menus are prepared ahead."}
        {"type":"policy","id":"corkage-fee","title":"Corkage fee","owner":"front-of-house","overridableBy":"supervisor","rationale":null}
        """;

    public const string EvidenceLines = """
        {"type":"decision","id":"d1","at":"2026-03-01T19:30:00Z","policies":["no-substitutions"],"outcome":"deny","customer":"c1","staff":"w1","location":"sf"}
        {"type":"override","decision":"d1","at":"2026-03-01T19:31:00Z","staff":"w1","role":"staff","justification":"Allergy","approvedBy":null}
        {"type":"outcome","decision":"d1","at":"2026-03-02T10:00:00Z","kind":"complaint","note":"cold food"}
        """;

    public const string PosExport =
        "decision_id,at,policy,outcome,customer,staff,override_staff,override_role,justification,approved_by,override_at\r\n"
        + "pos-1,2026-03-02T20:00:00Z,corkage-fee,deny,c1,w2,w2,staff,\"Regular, nice\",m1,2026-03-02T20:01:00Z\r\n"
        + "pos-2,2026-03-03T20:00:00Z,corkage-fee,deny,c2,w2,,,,,\r\n";

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("policyaudit-cli-");

    public string Store => PathOf("audit.db");

    public string PathOf(string name) => Path.Combine(_directory.FullName, name);

    public string Write(string name, string content)
    {
        var path = PathOf(name);
        File.WriteAllText(path, content);
        return path;
    }

    public Task<CliRun> RunAsync(params string[] args) => RunAsync(new StoreOpener(), args);

    public static async Task<CliRun> RunAsync(IStoreOpener stores, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await PolicyAuditCli.RunAsync(args, new CliContext(output, error, stores, false, TimeProvider.System));
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Imports the standard policies, evidence and POS export into <see cref="Store"/>.</summary>
    public async Task<CliRun> ImportStandardAsync()
    {
        var run = await RunAsync("import", "--store", Store, Write("policies.jsonl", PolicyLines), Write("evidence.jsonl", EvidenceLines), Write("pos.csv", PosExport));
        Assert.Equal(0, run.ExitCode);
        return run;
    }

    public async Task<(long Count, ChainCheckpoint? Head)> StateAsync()
    {
        await using var store = await SqliteEvidence.OpenAsync(Store);
        long count = 0;
        await foreach (var _ in store.ReadAsync(EvidenceWindow.All))
        {
            count++;
        }

        return (count, await store.GetHeadAsync());
    }

    public async Task<List<EvidenceRecord>> RecordsAsync()
    {
        await using var store = await SqliteEvidence.OpenAsync(Store);
        var records = new List<EvidenceRecord>();
        await foreach (var stored in store.ReadAsync(EvidenceWindow.All))
        {
            records.Add(stored.Record);
        }

        return records;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Delete(recursive: true);
    }
}

/// <summary>What one run of the CLI printed and returned.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error);
