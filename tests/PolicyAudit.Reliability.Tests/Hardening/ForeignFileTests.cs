using Microsoft.Data.Sqlite;

namespace PolicyAudit.Reliability.Tests;

/// <summary>
/// A file that is not a PolicyAudit store stays byte-identical whatever command is pointed at it; a store is
/// created only where no file exists or the file is empty, and a refused import into a new store leaves no file.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class ForeignFileTests : IDisposable
{
    private readonly TemporaryFolder _folder = new("foreign");

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in new[] { "user-version-only", "application-id-only", "other-application", "other-application-wal" })
        {
            foreach (var command in new[] { "import", "verify", "report", "checkpoint" })
            {
                data.Add(file, command);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Command_OnAnotherApplicationsDatabase_ExitTwoFileByteIdentical(string file, string command)
    {
        var path = _folder.File(file + ".db");
        RawSqlite.Execute(path, file switch
        {
            "user-version-only" => "PRAGMA user_version = 7;",
            "application-id-only" => "PRAGMA application_id = 1234;",
            "other-application" => "CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('mine');",
            _ => "PRAGMA journal_mode = WAL; CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('mine');",
        });
        var before = FileHash.Of(path);
        var evidence = _folder.File("evidence.jsonl");
        File.WriteAllText(evidence, """{"type":"policy","id":"p1","overridableBy":"manager"}""" + "\n");

        var run = command switch
        {
            "import" => await Cli.RunAsync("import", "--store", path, evidence),
            "report" => await Cli.RunAsync("report", "--store", path, "--format", "json"),
            _ => await Cli.RunAsync(command, "--store", path),
        };

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("not a PolicyAudit evidence store", run.Error, StringComparison.Ordinal);
        SqliteConnection.ClearAllPools();
        Assert.Equal(before, FileHash.Of(path));
    }

    [Fact]
    public async Task Import_IntoZeroByteFile_CreatesTheStore()
    {
        var path = _folder.File("empty.db");
        File.WriteAllBytes(path, []);
        var evidence = _folder.File("evidence.jsonl");
        File.WriteAllText(evidence, """{"type":"policy","id":"p1","overridableBy":"manager"}""" + "\n");

        var run = await Cli.RunAsync("import", "--store", path, evidence);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("valid: 1 records", (await Cli.RunAsync("verify", "--store", path)).Output.Split(',')[0]);
    }

    [Fact]
    public async Task Import_RefusedIntoAStoreThatDidNotExist_LeavesNoFile()
    {
        var path = _folder.File("new.db");
        var evidence = _folder.File("evidence.jsonl");
        File.WriteAllText(evidence, """
            {"type":"policy","id":"p1","overridableBy":"manager"}
            {"type":"decision","id":"d1","at":"2026-03-01T19:30:00Z","policies":["p-unknown"],"outcome":"deny"}
            """);

        var run = await Cli.RunAsync("import", "--store", path, evidence);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("Nothing was imported.", run.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_folder.Path, "new.db*"));
    }

    [Fact]
    public async Task OpenAsync_DatabaseWithOnlyUserVersion_ThrowsAndLeavesItByteIdentical()
    {
        var path = _folder.File("pragmas.db");
        RawSqlite.Execute(path, "PRAGMA user_version = 3;");
        var before = FileHash.Of(path);

        await Assert.ThrowsAsync<InvalidDataException>(() => SqliteEvidence.OpenAsync(path));

        SqliteConnection.ClearAllPools();
        Assert.Equal(before, FileHash.Of(path));
    }

    public void Dispose() => _folder.Dispose();
}
