namespace PolicyAudit.Analyzers.Tests.Packaging;

/// <summary>Finds the repository root: the nearest folder above the test assembly holding PolicyAudit.sln.</summary>
internal static class RepositoryRoot
{
    public static string? Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PolicyAudit.sln")))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
