namespace PolicyAudit.Reliability.Tests;

/// <summary>
/// A mistyped <c>--out</c> must never destroy evidence: a target that is the store, one of its files, a path or a
/// link that resolves to one of them, or an existing non-regular file is refused with exit 2, the store untouched.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class OutputTargetTests : IDisposable
{
    private readonly TemporaryFolder _folder = new("out");

    public static TheoryData<string, string> Targets() => new()
    {
        { "report", "audit.db" },
        { "report", "audit.db-wal" },
        { "report", "audit.db-shm" },
        { "report", "sub/../audit.db" },
        { "report", "link-to-store.html" },
        { "report", "linked-folder/audit.db" },
        { "checkpoint", "audit.db" },
        { "checkpoint", "audit.db-wal" },
        { "checkpoint", "./audit.db-shm" },
        { "checkpoint", "link-to-store.html" },
        { "checkpoint", "linked-folder/audit.db-wal" },
    };

    [UnixTheory]
    [MemberData(nameof(Targets))]
    public async Task Out_ResolvesToTheStoreOrItsFiles_ExitTwoStoreUntouched(string command, string target)
    {
        var store = await CreateStoreAsync();
        Directory.CreateDirectory(_folder.File("sub"));
        File.CreateSymbolicLink(_folder.File("link-to-store.html"), store);
        Directory.CreateSymbolicLink(_folder.File("linked-folder"), _folder.Path);
        var before = Snapshot(store);

        var run = await Cli.RunAsync(Args(command, store, Path.Combine(_folder.Path, target)));

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("evidence store", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(store));
        Assert.Equal(0, (await Cli.RunAsync("verify", "--store", store)).ExitCode);
    }

    [UnixTheory]
    [InlineData("report", "/dev/null")]
    [InlineData("checkpoint", "/dev/null")]
    [InlineData("report", "fifo")]
    [InlineData("checkpoint", "folder")]
    public async Task Out_ExistingNonRegularFile_ExitTwoNothingWritten(string command, string target)
    {
        var store = await CreateStoreAsync();
        var fifo = _folder.File("fifo");
        UnixTool.Run("mkfifo", fifo);
        Directory.CreateDirectory(_folder.File("folder"));
        var before = Snapshot(store);

        var run = await Cli.RunAsync(Args(command, store, target.StartsWith('/') ? target : _folder.File(target)));

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("not a regular file", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(store));
    }

    [UnixFact]
    public async Task Out_HardLinkToTheStore_ReplacesTheNameNotTheStore()
    {
        var store = await CreateStoreAsync();
        var link = _folder.File("hard-link.txt");
        UnixTool.Run("ln", store, link);
        var before = FileHash.Of(store);

        var run = await Cli.RunAsync("checkpoint", "--store", store, "--out", link);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(before, FileHash.Of(store));
        Assert.Matches("^[0-9]+ [0-9a-f]{64}\n$", File.ReadAllText(link));
        Assert.Equal(0, (await Cli.RunAsync("verify", "--store", store)).ExitCode);
    }

    public void Dispose() => _folder.Dispose();

    private static string[] Args(string command, string store, string target) => command == "report"
        ? ["report", "--store", store, "--format", "html", "--out", target]
        : ["checkpoint", "--store", store, "--out", target];

    private static string Snapshot(string store) =>
        string.Join(" ", new[] { store, store + "-wal", store + "-shm" }.Select(FileHash.Of));

    private async Task<string> CreateStoreAsync()
    {
        var store = _folder.File("audit.db");
        await EvidenceSamples.CreateSqliteAsync(store, decisions: 20);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return store;
    }
}
