using Microsoft.Data.Sqlite;

namespace PolicyAudit.Sqlite.Tests;

/// <summary>What only the SQLite store does: the file format, its guards and several writers on one file.</summary>
public sealed class SqliteEvidenceStoreTests : IDisposable
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 14, 12, 0, 0, TimeSpan.Zero);
    private readonly TemporaryFolder _folder = new();

    [Fact]
    public async Task OpenAsync_NewFile_CreatesWalStoreAtCurrentSchemaVersion()
    {
        var path = _folder.File("new.db");

        await using (await SqliteEvidence.OpenAsync(path))
        {
        }

        Assert.Equal("wal", RawSqlite.Scalar(path, "PRAGMA journal_mode;"));
        Assert.Equal((long)SqliteEvidence.SchemaVersion, RawSqlite.Scalar(path, "PRAGMA user_version;"));
        Assert.Equal(0x50415544L, RawSqlite.Scalar(path, "PRAGMA application_id;"));
    }

    [Fact]
    public async Task OpenAsync_ExistingStore_KeepsRecordsAndDoesNotMigrateAgain()
    {
        var path = _folder.File("audit.db");
        await using (var store = await SqliteEvidence.OpenAsync(path))
        {
            await store.AppendAsync([Outcome("a")], AppendDurability.Durable);
        }

        await using var reopened = await SqliteEvidence.OpenAsync(path);

        Assert.Equal(1, (await reopened.GetHeadAsync())!.Sequence);
        Assert.Equal(5L, RawSqlite.Scalar(path, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger';"));
        Assert.Equal((long)SqliteEvidence.SchemaVersion, RawSqlite.Scalar(path, "PRAGMA user_version;"));
    }

    [Fact]
    public async Task OpenAsync_TextFile_ThrowsNamingTheFile()
    {
        var path = _folder.File("notes.txt");
        await File.WriteAllTextAsync(path, "These are my notes, not a database. They are long enough to fill a SQLite header and then some more text.");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => SqliteEvidence.OpenAsync(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("not a PolicyAudit evidence store", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_OtherApplicationsDatabase_ThrowsAndLeavesItUntouched()
    {
        var path = _folder.File("other.db");
        RawSqlite.Execute(path, "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT);");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => SqliteEvidence.OpenAsync(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("another application", error.Message, StringComparison.Ordinal);
        Assert.Equal("delete", RawSqlite.Scalar(path, "PRAGMA journal_mode;"));
        Assert.Equal(0L, RawSqlite.Scalar(path, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'evidence';"));
    }

    [Fact]
    public async Task OpenAsync_NewerSchemaVersion_ThrowsNamingFileAndVersions()
    {
        var path = _folder.File("future.db");
        await (await SqliteEvidence.OpenAsync(path)).DisposeAsync();
        RawSqlite.Execute(path, $"PRAGMA user_version = {SqliteEvidence.SchemaVersion + 1};");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => SqliteEvidence.OpenAsync(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains($"schema version {SqliteEvidence.SchemaVersion + 1}", error.Message, StringComparison.Ordinal);
        Assert.Contains("newer PolicyAudit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_FolderDoesNotExist_ThrowsIOExceptionNamingTheFile()
    {
        var path = _folder.File(Path.Combine("missing", "audit.db"));

        var error = await Assert.ThrowsAsync<IOException>(() => SqliteEvidence.OpenAsync(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_BlankPath_ThrowsArgumentException()
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(() => SqliteEvidence.OpenAsync(" "));
    }

    [Theory]
    [InlineData("UPDATE evidence SET payload = 'x' WHERE sequence = 1;", "cannot be updated")]
    [InlineData("DELETE FROM evidence WHERE sequence = 1;", "cannot be deleted")]
    [InlineData("INSERT INTO evidence (sequence, kind, id, at, payload, prev_hash, hash, decision_id) VALUES (5, 'outcome', 'z', 0, '{}', 'x', 'y', 'd');", "must follow the newest")]
    [InlineData("INSERT INTO evidence (sequence, kind, id, at, payload, prev_hash, hash) SELECT 3, 'outcome', 'z', 0, '{}', hash, 'y' FROM evidence WHERE sequence = 2;", "needs its query columns")]
    public async Task RawSql_ChangingTheChainBehindTheStore_IsRejectedByTriggers(string sql, string reason)
    {
        var path = _folder.File("audit.db");
        await using var store = await SqliteEvidence.OpenAsync(path);
        await store.AppendAsync([Outcome("a"), Outcome("b")], AppendDurability.Durable);

        var error = Assert.Throws<SqliteException>(() => RawSqlite.Execute(path, sql));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.True((await store.VerifyAsync()).IsValid);
    }

    [Fact]
    public async Task AppendAsync_TwoStoresOnOneFile_InterleaveIntoOneValidChain()
    {
        // Two store instances have separate writer gates, exactly as two processes would: only SQLite's lock and
        // the head read inside the write transaction keep the chain whole.
        var path = _folder.File("shared.db");
        await using var first = await SqliteEvidence.OpenAsync(path);
        await using var second = await SqliteEvidence.OpenAsync(path);

        var writers = new[] { first, second }
            .SelectMany((store, s) => Enumerable.Range(0, 2).Select(t => Task.Run(async () =>
            {
                for (var i = 0; i < 100; i++)
                {
                    await store.AppendAsync([Outcome($"s{s}-t{t}-{i}-a"), Outcome($"s{s}-t{t}-{i}-b")], i % 2 == 0 ? AppendDurability.Durable : AppendDurability.Batched);
                }
            })))
            .ToArray();
        await Task.WhenAll(writers);
        var verification = await first.VerifyAsync();

        Assert.True(verification.IsValid, verification.ToString());
        Assert.Equal(800, verification.RecordsChecked);
        Assert.Equal(verification.Head, await second.GetHeadAsync());
    }

    [Fact]
    public async Task AppendAsync_DuplicateFromAnotherStoreOnTheFile_IsRefused()
    {
        var path = _folder.File("shared.db");
        await using var first = await SqliteEvidence.OpenAsync(path);
        await using var second = await SqliteEvidence.OpenAsync(path);
        await first.AppendAsync([Outcome("same")], AppendDurability.Durable);

        await Assert.ThrowsAsync<DuplicateEvidenceException>(() => second.AppendAsync([Outcome("other"), Outcome("same")], AppendDurability.Durable));

        Assert.Equal(1, (await second.GetHeadAsync())!.Sequence);
    }

    [Fact]
    public async Task ReadAsync_PayloadNoLongerJson_ThrowsNamingRecordAndFile()
    {
        var path = _folder.File("audit.db");
        await using var store = await SqliteEvidence.OpenAsync(path);
        await store.AppendAsync([Outcome("a"), Outcome("b")], AppendDurability.Durable);
        RawSqlite.Tamper(path, "UPDATE evidence SET payload = 'garbage' WHERE sequence = 2;");

        var error = await Assert.ThrowsAsync<InvalidDataException>(async () =>
        {
            await foreach (var _ in store.ReadAsync(EvidenceWindow.All))
            {
            }
        });

        Assert.Contains("Record 2", error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisposeAsync_ThenDeleteFile_Succeeds()
    {
        var path = _folder.File("audit.db");
        var store = await SqliteEvidence.OpenAsync(path);
        await store.AppendAsync([Outcome("a")], AppendDurability.Durable);

        await store.DisposeAsync();
        File.Delete(path);
        await using var fresh = await SqliteEvidence.OpenAsync(path);

        Assert.Null(await fresh.GetHeadAsync());
    }

    public void Dispose() => _folder.Dispose();

    private static OutcomeRecord Outcome(string id) => new() { Id = id, At = Noon, DecisionId = "dec-" + id, Outcome = OutcomeKind.None };
}
