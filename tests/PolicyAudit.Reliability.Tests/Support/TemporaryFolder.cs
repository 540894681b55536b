namespace PolicyAudit.Reliability.Tests;

/// <summary>
/// A fresh folder, deleted on dispose. On Linux it lives in /dev/shm when that exists: the suite appends tens of
/// thousands of durable records, and a SIGKILL (unlike a power cut) leaves the page cache intact, so RAM-backed files
/// test the same thing without waiting on disk flushes.
/// </summary>
public sealed class TemporaryFolder : IDisposable
{
    public TemporaryFolder(string purpose)
    {
        var root = Directory.Exists("/dev/shm") ? "/dev/shm" : System.IO.Path.GetTempPath();
        Path = System.IO.Path.Combine(root, $"policyaudit-{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder must not fail a test that passed.
        }
    }
}
