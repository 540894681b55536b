using Microsoft.Data.Sqlite;

namespace PolicyAudit.Reliability.Tests;

/// <summary>
/// Tampering with a store's structure (a NULL column, a time no instant has, a dropped table, a payload that does
/// not decode) is a failed verification, exit 3 naming the record, never a driver error; a report on such a store
/// says so, and refuses with <c>--require-valid</c>. INSERT OR REPLACE cannot delete a record.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class StructuralTamperingTests : IDisposable
{
    private readonly TemporaryFolder _folder = new("structure");

    // The evidence table's NOT NULL constraints are part of its definition: an attacker recreates it without them.
    private const string Loosen = """
        CREATE TABLE copy AS SELECT * FROM evidence; DROP TABLE evidence;
        CREATE TABLE evidence (sequence INTEGER PRIMARY KEY, kind TEXT, id TEXT, at INTEGER, payload TEXT, prev_hash TEXT, hash TEXT, customer TEXT, decision_id TEXT);
        INSERT INTO evidence SELECT * FROM copy; DROP TABLE copy;
        """;

    public static TheoryData<string, string, string> Tamperings() => new()
    {
        { Loosen + "UPDATE evidence SET hash = NULL WHERE sequence = 5;", "INVALID at record 5: record 5 is damaged: its hash is NULL", "null hash" },
        { "UPDATE evidence SET at = 9223372036854775807 WHERE sequence = 7;", "INVALID at record 7: record 7 is damaged: its time", "time out of range" },
        { Loosen + "UPDATE evidence SET payload = NULL WHERE sequence = 2;", "INVALID at record 2: record 2 is damaged: its payload is NULL", "null payload" },
        { "DROP TABLE evidence;", "INVALID at record 1: the store cannot be read from record 1 on", "dropped table" },
        { "ALTER TABLE evidence DROP COLUMN prev_hash;", "INVALID at record 1: the store cannot be read from record 1 on", "dropped column" },
    };

    [Theory]
    [MemberData(nameof(Tamperings))]
    public async Task Verify_StructuralTampering_ExitThreeNamingTheRecord(string sql, string expected, string what)
    {
        var store = await TamperedStoreAsync(sql);

        var run = await Cli.RunAsync("verify", "--store", store);

        Assert.True(run.ExitCode == 3, $"{what}: {run}");
        Assert.StartsWith(expected, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_PayloadThatDoesNotDecodeWithMatchingHash_ExitThreeNamingTheRecord()
    {
        // The attacker recomputes the hash of a payload that is not a record, and re-links every later record.
        var store = _folder.File("audit.db");
        await EvidenceSamples.CreateSqliteAsync(store, decisions: 10);
        SqliteConnection.ClearAllPools();
        using (var connection = RawSqlite.OpenAsAttacker(store))
        {
            var rows = RawSqlite.ReadRows(connection);
            var previous = rows[2].PreviousHash;
            for (var i = 2; i < rows.Count; i++)
            {
                var payload = i == 2 ? "{\"kind\":\"decision\",\"id\":42}" : rows[i].Payload;
                var hash = EvidenceChain.ComputeHash(previous, rows[i].Sequence, payload);
                RawSqlite.Execute(connection, "UPDATE evidence SET payload = $p, prev_hash = $prev, hash = $h WHERE sequence = $s;",
                    ("$p", payload), ("$prev", previous), ("$h", hash), ("$s", rows[i].Sequence));
                previous = hash;
            }
        }

        var run = await Cli.RunAsync("verify", "--store", store);

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.StartsWith("INVALID at record 3: record 3 cannot be read", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_StoreThatDoesNotVerify_SaysSoInReportAndOnStandardError()
    {
        var store = await TamperedStoreAsync("UPDATE evidence SET payload = replace(payload, 'Birthday', 'Bxrthday') WHERE sequence = 10;");

        var run = await Cli.RunAsync("report", "--store", store, "--format", "md");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("warning: the evidence does not verify: INVALID at record 10", run.Error, StringComparison.Ordinal);
        Assert.Contains("**Warning:** the evidence does not verify: INVALID at record 10", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_RequireValidOnStoreThatDoesNotVerify_ExitThreeNoReport()
    {
        var store = await TamperedStoreAsync(Loosen + "UPDATE evidence SET hash = NULL WHERE sequence = 5;");
        var out_ = _folder.File("report.html");

        var run = await Cli.RunAsync("report", "--store", store, "--out", out_, "--require-valid");

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains("INVALID at record 5", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(out_));
    }

    [Fact]
    public async Task Report_DroppedTable_ExitThreeSayingItCannotBeReviewed()
    {
        var store = await TamperedStoreAsync("DROP TABLE evidence;");

        var run = await Cli.RunAsync("report", "--store", store, "--format", "json");

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains("INVALID at record 1", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InsertOrReplace_CollidingKindAndId_RefusedAndNothingDeleted()
    {
        var store = _folder.File("audit.db");
        await EvidenceSamples.CreateSqliteAsync(store, decisions: 10);
        SqliteConnection.ClearAllPools();
        var before = FileHash.Of(store);
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = store, Pooling = false }.ToString());
        connection.Open();
        using var head = connection.CreateCommand();
        head.CommandText = "SELECT sequence, hash FROM evidence ORDER BY sequence DESC LIMIT 1;";
        long last;
        string lastHash;
        using (var reader = head.ExecuteReader())
        {
            reader.Read();
            (last, lastHash) = (reader.GetInt64(0), reader.GetString(1));
        }

        var error = Assert.Throws<SqliteException>(() => RawSqlite.Execute(connection,
            "INSERT OR REPLACE INTO evidence (sequence, kind, id, at, payload, prev_hash, hash, customer, decision_id) SELECT $s, kind, id, at, payload, $prev, hash, customer, decision_id FROM evidence WHERE sequence = 4;",
            ("$s", last + 1), ("$prev", lastHash)));

        Assert.Contains("already stored", error.Message, StringComparison.Ordinal);
        connection.Close();
        SqliteConnection.ClearAllPools();
        Assert.Equal(before, FileHash.Of(store));
        Assert.Equal(0, (await Cli.RunAsync("verify", "--store", store)).ExitCode);
    }

    public void Dispose() => _folder.Dispose();

    private async Task<string> TamperedStoreAsync(string sql)
    {
        var store = _folder.File("audit.db");
        await EvidenceSamples.CreateSqliteAsync(store, decisions: 10);
        SqliteConnection.ClearAllPools();
        using (var connection = RawSqlite.OpenAsAttacker(store))
        {
            RawSqlite.Execute(connection, sql);
        }

        SqliteConnection.ClearAllPools();
        return store;
    }
}
