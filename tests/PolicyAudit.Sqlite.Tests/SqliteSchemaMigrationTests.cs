using Microsoft.Data.Sqlite;
using PolicyAudit.Tests.Shared;

namespace PolicyAudit.Sqlite.Tests;

/// <summary>Opening a store of schema version 1 (see <see cref="SchemaOneEvidence"/> for how one is built).</summary>
public sealed class SqliteSchemaMigrationTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    [Fact]
    public async Task OpenAsync_SchemaOneStore_AddsAndBackFillsQueryColumnsKeepingTheChain()
    {
        var path = await CreateSchemaOneStoreAsync();
        var before = ReadChainColumns(path);

        await using var store = await SqliteEvidence.OpenAsync(path);
        var history = new List<string>();
        await foreach (var stored in store.ReadCustomerAsync("guest-7", EvidenceWindow.All))
        {
            history.Add(stored.Record.Id);
        }

        Assert.Equal((long)SqliteEvidence.SchemaVersion, RawSqlite.Scalar(path, "PRAGMA user_version;"));
        Assert.Equal(before, ReadChainColumns(path));
        Assert.Equal(SchemaOneEvidence.GuestSevenHistory, history);
        Assert.Equal("guest-7|d-1", RawSqlite.Scalar(path, "SELECT customer || '|' || decision_id FROM evidence WHERE id = 'ov-1';"));
        Assert.Equal("d-1", RawSqlite.Scalar(path, "SELECT decision_id FROM evidence WHERE id = 'o-1' AND customer IS NULL;"));
        Assert.True((await store.VerifyAsync()).IsValid);
    }

    [Fact]
    public async Task OpenAsync_MigratedStore_AppendsWithQueryColumnsAndVerifies()
    {
        var path = await CreateSchemaOneStoreAsync();

        await using var store = await SqliteEvidence.OpenAsync(path);
        await store.AppendAsync(
            [new OutcomeRecord { Id = "o-2", At = DateTimeOffset.UnixEpoch, DecisionId = "d-2", Outcome = OutcomeKind.Loss }],
            AppendDurability.Durable);
        var d2 = new List<string>();
        await foreach (var stored in store.ReadForDecisionsAsync(["d-2"]))
        {
            d2.Add(stored.Record.Id);
        }

        Assert.Equal(["d-2", "o-2"], d2);
        Assert.True((await store.VerifyAsync()).IsValid);
    }

    [Fact]
    public async Task OpenAsync_SchemaOneStoreThatDoesNotVerify_RefusesToMigrateAndChangesNothing()
    {
        var path = await CreateSchemaOneStoreAsync();
        RawSqlite.Tamper(path, "UPDATE evidence SET payload = replace(payload, 'wedding', 'birthday') WHERE id = 'ov-1';");
        var before = ReadChainColumns(path);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => SqliteEvidence.OpenAsync(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("does not verify", error.Message, StringComparison.Ordinal);
        Assert.Contains("INVALID at record 5", error.Message, StringComparison.Ordinal);
        Assert.Contains("not migrated", error.Message, StringComparison.Ordinal);
        Assert.Equal(1L, RawSqlite.Scalar(path, "PRAGMA user_version;"));
        Assert.Equal(0L, RawSqlite.Scalar(path, "SELECT COUNT(*) FROM pragma_table_info('evidence') WHERE name IN ('customer', 'decision_id');"));
        Assert.Equal(before, ReadChainColumns(path));
    }

    [Fact]
    public async Task OpenAsync_StoreWrittenByTheRelease_MigratesAndFindsTheGuestsHistoryByIndex()
    {
        var path = CopyOfReleaseStore();

        await using var store = await SqliteEvidence.OpenAsync(path);
        var history = await SequencesAsync(store.ReadCustomerAsync("guest-17", EvidenceWindow.All));

        Assert.Equal((long)SqliteEvidence.SchemaVersion, RawSqlite.Scalar(path, "PRAGMA user_version;"));
        Assert.Equal([3L, 6L, 7L, 8L], history);
        Assert.Equal(2L, RawSqlite.Scalar(path, "SELECT COUNT(*) FROM evidence WHERE customer = 'guest-17' AND kind IN ('override', 'refused-override');"));
        Assert.True((await store.VerifyAsync()).IsValid);
    }

    [Fact]
    public async Task OpenReadOnlyAsync_StoreWrittenByTheRelease_AnswersTheQueriesByScanWithoutMigrating()
    {
        var path = CopyOfReleaseStore();
        var before = await File.ReadAllBytesAsync(path);

        await using (var store = await SqliteEvidence.OpenReadOnlyAsync(path))
        {
            var history = await SequencesAsync(store.ReadCustomerAsync("guest-17", EvidenceWindow.All));
            var trail = await SequencesAsync(store.ReadForDecisionsAsync(["01M6S0J370PKEWB2CV139PST40"]));
            var kinds = await SequencesAsync(store.ReadKindsAsync([EvidenceKind.Policy, EvidenceKind.Outcome], EvidenceWindow.All));

            Assert.Equal([3L, 6L, 7L, 8L], history);
            Assert.Equal([3L, 6L, 7L, 8L], trail);
            Assert.Equal([1L, 2L, 8L], kinds);
            Assert.True((await store.VerifyAsync()).IsValid);
        }

        SqliteConnection.ClearAllPools();
        Assert.Equal(before, await File.ReadAllBytesAsync(path));
    }

    public void Dispose() => _folder.Dispose();

    private async Task<string> CreateSchemaOneStoreAsync()
    {
        var written = _folder.File("written-by-this-build.db");
        await using (var store = await SqliteEvidence.OpenAsync(written))
        {
            await store.AppendAsync(SchemaOneEvidence.Records, AppendDurability.Durable);
        }

        var path = _folder.File("schema-1.db");
        using var connection = RawSqlite.Open(path);
        RawSqlite.Execute(connection, SchemaOneEvidence.SchemaSql);
        RawSqlite.Execute(connection, "ATTACH DATABASE $written AS written;", ("$written", written));
        RawSqlite.Execute(connection, "INSERT INTO evidence SELECT sequence, kind, id, at, payload, prev_hash, hash FROM written.evidence ORDER BY sequence;");
        RawSqlite.Execute(connection, "DETACH DATABASE written;");
        RawSqlite.Execute(connection, "PRAGMA application_id = 1346458948; PRAGMA user_version = 1; PRAGMA journal_mode = WAL;");
        return path;
    }

    private string CopyOfReleaseStore()
    {
        // Written at commit 804c72a by the release's own code (see Compatibility/README.md).
        var path = _folder.File("release.db");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Compatibility", "schema1-store.db"), path);
        return path;
    }

    private static async Task<List<long>> SequencesAsync(IAsyncEnumerable<StoredEvidence> query)
    {
        var sequences = new List<long>();
        await foreach (var stored in query)
        {
            sequences.Add(stored.Sequence);
        }

        return sequences;
    }

    private static List<string> ReadChainColumns(string path)
    {
        using var connection = RawSqlite.Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sequence, kind, id, at, payload, prev_hash, hash FROM evidence ORDER BY sequence;";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join("|", Enumerable.Range(0, 7).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }

        SqliteConnection.ClearAllPools();
        return rows;
    }
}
