using Microsoft.Data.Sqlite;

namespace PolicyAudit.Reliability.Tests;

/// <summary>
/// Commands that only read open the store read-only: not a byte of the file changes, its journal mode stays what
/// it was, and read-only copies can be read. Only import (and the library's writers) migrate or switch to WAL.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class ReadOnlyEvidenceTests : IDisposable
{
    private readonly TemporaryFolder _folder = new("readonly");

    public static TheoryData<string> ReadCommands() => new() { "verify", "report", "checkpoint" };

    [Theory]
    [MemberData(nameof(ReadCommands))]
    public async Task ReadCommand_ArchivedCopyInRollbackJournalMode_FileByteIdenticalAndModeKept(string command)
    {
        // An archived copy: the store checkpointed and switched back to a rollback journal, as a backup tool leaves it.
        var store = _folder.File("archive.db");
        await EvidenceSamples.CreateSqliteAsync(store, decisions: 30);
        SqliteConnection.ClearAllPools();
        RawSqlite.Execute(store, "PRAGMA journal_mode = DELETE;");
        var before = FileHash.Of(store);

        var run = await Cli.RunAsync(Args(command, store));

        Assert.True(run.ExitCode == 0, run.ToString());
        SqliteConnection.ClearAllPools();
        Assert.Equal(before, FileHash.Of(store));
        Assert.Equal("delete", RawSqlite.Scalar(store, "PRAGMA journal_mode;"));
    }

    [Theory]
    [MemberData(nameof(ReadCommands))]
    public async Task ReadCommand_StoreWithUnappliedWriteAheadLog_FileByteIdentical(string command)
    {
        // The last writer died before checkpointing: records sit in the -wal file. A read-write open would fold them
        // into the main file on close; a reader must read them where they are.
        var store = _folder.File("audit.db");
        var copy = _folder.File("copy.db");
        await using (var writer = await SqliteEvidence.OpenAsync(store))
        {
            // An open connection of our own keeps the log in place even if another test clears the pools meanwhile:
            // only the last connection to close folds the log into the file.
            using var holder = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = store, Pooling = false }.ToString());
            holder.Open();
            await writer.AppendAsync(EvidenceSamples.Create(30), AppendDurability.Durable);
            SqliteFiles.Copy(store, copy);
        }

        var before = FileHash.Of(copy);
        Assert.True(new FileInfo(copy + "-wal").Length > 0);

        var run = await Cli.RunAsync(Args(command, copy));

        Assert.True(run.ExitCode == 0, run.ToString());
        SqliteConnection.ClearAllPools();
        Assert.Equal(before, FileHash.Of(copy));
    }

    [UnixFact]
    public async Task Verify_StoreWithoutWritePermission_Verifies()
    {
        var store = _folder.File("audit.db");
        await EvidenceSamples.CreateSqliteAsync(store, decisions: 10);
        SqliteConnection.ClearAllPools();
        UnixTool.Run("chmod", "a-w", store);
        var before = FileHash.Of(store);

        var run = await Cli.RunAsync("verify", "--store", store);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith("valid:", run.Output, StringComparison.Ordinal);
        Assert.Equal(before, FileHash.Of(store));
    }

    [ReadOnlyMountFact]
    public async Task ReadCommands_StoreOnReadOnlyFileSystem_ReadItByteIdentical()
    {
        // A store in WAL mode as a writer leaves it, on media nothing may be written to: SQLite cannot create the
        // shared-memory index a WAL reader normally needs.
        var mount = Directory.CreateDirectory(_folder.File("media")).FullName;
        UnixTool.Run("mount", "-t", "tmpfs", "-o", "size=4m", "none", mount);
        try
        {
            var store = Path.Combine(mount, "audit.db");
            await EvidenceSamples.CreateSqliteAsync(store, decisions: 20);
            SqliteConnection.ClearAllPools();
            UnixTool.Run("mount", "-o", "remount,ro", mount);
            var before = FileHash.Of(store);

            var verify = await Cli.RunAsync("verify", "--store", store);
            var report = await Cli.RunAsync("report", "--store", store, "--format", "json");
            var checkpoint = await Cli.RunAsync("checkpoint", "--store", store);

            Assert.True(verify.ExitCode == 0, verify.ToString());
            Assert.True(report.ExitCode == 0, report.ToString());
            Assert.True(checkpoint.ExitCode == 0, checkpoint.ToString());
            Assert.Equal(before, FileHash.Of(store));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            UnixTool.Run("umount", mount);
        }
    }

    [Fact]
    public async Task OpenReadOnlyAsync_Append_ThrowsAndWritesNothing()
    {
        var store = _folder.File("audit.db");
        await EvidenceSamples.CreateSqliteAsync(store, decisions: 5);
        SqliteConnection.ClearAllPools();
        var before = FileHash.Of(store);
        await using var reader = await SqliteEvidence.OpenReadOnlyAsync(store);

        await Assert.ThrowsAsync<InvalidOperationException>(() => reader.AppendAsync(EvidenceSamples.Create(1).Take(1).ToArray(), AppendDurability.Durable));

        Assert.Equal(before, FileHash.Of(store));
    }

    public void Dispose() => _folder.Dispose();

    private string[] Args(string command, string store) => command switch
    {
        "report" => ["report", "--store", store, "--format", "json", "--out", _folder.File("report.json")],
        "checkpoint" => ["checkpoint", "--store", store, "--out", _folder.File("head.txt")],
        _ => ["verify", "--store", store],
    };
}
