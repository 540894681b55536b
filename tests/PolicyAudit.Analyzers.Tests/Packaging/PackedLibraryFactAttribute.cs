using System.Text.RegularExpressions;

namespace PolicyAudit.Analyzers.Tests.Packaging;

/// <summary>
/// A fact that needs the repository's real PolicyAudit library, with its <c>Policy</c> base class, to pack. It is
/// skipped, with the reason shown in the test output, when the sources are not there (a test run outside the
/// repository) or do not declare <c>PolicyAudit.Policy</c> yet.
/// </summary>
public sealed partial class PackedLibraryFactAttribute : FactAttribute
{
    public PackedLibraryFactAttribute()
    {
        var root = RepositoryRoot.Find();
        if (root is null)
        {
            Skip = "The repository (PolicyAudit.sln) is not above the test assembly, so there is no library to pack.";
        }
        else if (!DeclaresPolicyBase(Path.Combine(root, "src", "PolicyAudit")))
        {
            Skip = "src/PolicyAudit does not declare the class PolicyAudit.Policy yet, so the packed library cannot define policies; "
                + "this end-to-end test runs once it does.";
        }
    }

    private static bool DeclaresPolicyBase(string libraryDirectory) =>
        Directory.Exists(libraryDirectory)
        && Directory.EnumerateFiles(libraryDirectory, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Any(path => PolicyDeclaration().IsMatch(File.ReadAllText(path)));

    [GeneratedRegex(@"\bclass\s+Policy\s*:")]
    private static partial Regex PolicyDeclaration();
}
