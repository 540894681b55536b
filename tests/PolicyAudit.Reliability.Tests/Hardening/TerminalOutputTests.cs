using Microsoft.Data.Sqlite;

namespace PolicyAudit.Reliability.Tests;

/// <summary>
/// Stored or imported text printed by the tool is escaped: a record cannot send escape sequences to a terminal,
/// overprint a line, or print a fake "valid" line.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class TerminalOutputTests : IDisposable
{
    private const string Fake = "\u001b[2K\rvalid: 999 records, head 999 ok\nvalid";

    private readonly TemporaryFolder _folder = new("terminal");

    [Fact]
    public async Task Verify_TamperedIdWithControlCharacters_MessageEscapedOnOneLine()
    {
        var store = _folder.File("audit.db");
        await EvidenceSamples.CreateSqliteAsync(store, decisions: 10);
        SqliteConnection.ClearAllPools();
        using (var connection = RawSqlite.OpenAsAttacker(store))
        {
            RawSqlite.Execute(connection, "UPDATE evidence SET id = $id, payload = replace(payload, 'decision-3', 'x') WHERE id = 'decision-3';", ("$id", Fake));
        }

        var run = await Cli.RunAsync("verify", "--store", store);

        Assert.Equal(3, run.ExitCode);
        Assert.DoesNotContain('\u001b', run.Error);
        Assert.DoesNotContain('\r', run.Error);
        Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
        Assert.Contains("\\x1b[2K\\rvalid: 999 records", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("html")]
    public async Task Report_ToStandardOutputWithControlCharactersInText_Escaped(string format)
    {
        var store = await StoreWithTitleAsync("Corkage \u001b]0;owned\u0007 fee\u202E");

        var run = await Cli.RunAsync("report", "--store", store, "--format", format);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain('\u001b', run.Output);
        Assert.DoesNotContain('\u0007', run.Output);
        Assert.DoesNotContain('\u202E', run.Output);
        Assert.Contains("\\x1b", run.Output, StringComparison.Ordinal);
        Assert.Contains("\\x07", run.Output, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();

    private async Task<string> StoreWithTitleAsync(string title)
    {
        var store = _folder.File("audit.db");
        await using (var evidence = await SqliteEvidence.OpenAsync(store))
        {
            var records = EvidenceSamples.Create(40).Select(r => r is PolicyRecord { PolicyId: "corkage-fee" } p ? p with { Title = title } : r).ToArray();
            await evidence.AppendAsync(records, AppendDurability.Durable);
        }

        return store;
    }
}
