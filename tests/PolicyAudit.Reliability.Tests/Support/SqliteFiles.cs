namespace PolicyAudit.Reliability.Tests;

/// <summary>Copies and deletes SQLite evidence files together with their write-ahead log and shared-memory files.</summary>
internal static class SqliteFiles
{
    private static readonly string[] Suffixes = [string.Empty, "-wal", "-shm"];

    public static void Copy(string from, string to)
    {
        foreach (var suffix in Suffixes)
        {
            if (File.Exists(from + suffix))
            {
                File.Copy(from + suffix, to + suffix, overwrite: true);
            }
            else
            {
                File.Delete(to + suffix);
            }
        }
    }

    public static void Delete(string path)
    {
        foreach (var suffix in Suffixes)
        {
            File.Delete(path + suffix);
        }
    }
}
