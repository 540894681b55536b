using Microsoft.Data.Sqlite;

namespace PolicyAudit.Cli.Tests;

public sealed class VerifyCommandTests
{
    [Fact]
    public async Task Verify_IntactStore_ExitZero()
    {
        using var cli = new CliHarness();
        await cli.ImportStandardAsync();
        var head = (await cli.StateAsync()).Head!;

        var run = await cli.RunAsync("verify", "--store", cli.Store);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"valid: 8 records, head {head}", run.Out.Trim());
    }

    [Fact]
    public async Task Verify_TamperedRecord_ExitThreeNamingIt()
    {
        using var cli = new CliHarness();
        await cli.ImportStandardAsync();
        Tamper(cli.Store, "DROP TRIGGER evidence_no_update; UPDATE evidence SET payload = replace(payload, 'Allergy', 'Allergic') WHERE id = 'd1:override';");

        var run = await cli.RunAsync("verify", "--store", cli.Store);

        Assert.Equal(3, run.ExitCode);
        Assert.Equal("INVALID at record 6: record 6 (override d1:override) was changed: its hash does not match its content", run.Error.Trim());
    }

    [Fact]
    public async Task Verify_DeletedRecord_ExitThree()
    {
        using var cli = new CliHarness();
        await cli.ImportStandardAsync();
        Tamper(cli.Store, "DROP TRIGGER evidence_no_delete; DELETE FROM evidence WHERE sequence = 4;");

        var run = await cli.RunAsync("verify", "--store", cli.Store);

        Assert.Equal(3, run.ExitCode);
        Assert.Equal("INVALID at record 5: records 4..4 are missing", run.Error.Trim());
    }

    [Fact]
    public async Task Checkpoint_ThenVerifyWithIt_ExitZero()
    {
        using var cli = new CliHarness();
        await cli.ImportStandardAsync();
        var file = cli.PathOf("head.txt");

        var checkpoint = await cli.RunAsync("checkpoint", "--store", cli.Store, "--out", file);
        var verify = await cli.RunAsync("verify", "--store", cli.Store, "--checkpoint", file);

        Assert.Equal(0, checkpoint.ExitCode);
        Assert.Equal((await cli.StateAsync()).Head, ChainCheckpoint.Parse(File.ReadAllText(file)));
        Assert.Equal(0, verify.ExitCode);
        Assert.EndsWith($"holds checkpoint {File.ReadAllText(file).Trim()}", verify.Out.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Checkpoint_ToStandardOutput_PrintsTheHead()
    {
        using var cli = new CliHarness();
        await cli.ImportStandardAsync();

        var run = await cli.RunAsync("checkpoint", "--store", cli.Store);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal((await cli.StateAsync()).Head!.ToString(), run.Out.Trim());
    }

    [Fact]
    public async Task Verify_StoreCutBelowCheckpoint_ExitThree()
    {
        using var cli = new CliHarness();
        await cli.ImportStandardAsync();
        var file = cli.PathOf("head.txt");
        await cli.RunAsync("checkpoint", "--store", cli.Store, "--out", file);
        Tamper(cli.Store, "DROP TRIGGER evidence_no_delete; DELETE FROM evidence WHERE sequence >= 7;");

        var run = await cli.RunAsync("verify", "--store", cli.Store, "--checkpoint", file);

        Assert.Equal(3, run.ExitCode);
        Assert.Equal("INVALID at record 7: the store ends at record 6, but the checkpoint names record 8: newer records were cut off", run.Error.Trim());
    }

    [Fact]
    public async Task Verify_UnreadableCheckpoint_ExitTwo()
    {
        using var cli = new CliHarness();
        await cli.ImportStandardAsync();
        var file = cli.Write("head.txt", "not a checkpoint");

        var run = await cli.RunAsync("verify", "--store", cli.Store, "--checkpoint", file);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"{file}: A checkpoint is '<sequence> <64 hex digits>', not 'not a checkpoint'.", run.Error.Trim());
    }

    [Fact]
    public async Task Checkpoint_EmptyStore_ExitOne()
    {
        using var cli = new CliHarness();
        await (await SqliteEvidence.OpenAsync(cli.Store)).DisposeAsync();

        var run = await cli.RunAsync("checkpoint", "--store", cli.Store);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"{cli.Store}: the store is empty; there is no head to export.", run.Error.Trim());
    }

    private static void Tamper(string store, string sql)
    {
        SqliteConnection.ClearAllPools();
        using var connection = new SqliteConnection($"Data Source={store};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
