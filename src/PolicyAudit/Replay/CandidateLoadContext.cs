using System.Reflection;
using System.Runtime.Loader;

namespace PolicyAudit;

/// <summary>
/// The load context a candidate assembly runs in: its own dependencies resolve beside it (through its
/// <c>.deps.json</c> when it has one), while PolicyAudit, NRules, Microsoft.Extensions and the framework come from
/// the host, so a candidate's policies derive from the host's own <see cref="Policy"/>. Thread-safe (the runtime
/// serialises loads).
/// </summary>
internal sealed class CandidateLoadContext(string path, bool isCollectible = false)
    : AssemblyLoadContext("policyaudit-candidate:" + Path.GetFileName(path), isCollectible)
{
    private readonly AssemblyDependencyResolver _resolver = new(path);

    /// <summary>True for the assemblies a candidate must share with the host (their types cross the boundary).</summary>
    public static bool IsShared(string? name) =>
        name is "PolicyAudit" or "NRules"
        || name?.StartsWith("NRules.", StringComparison.Ordinal) == true
        || name?.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal) == true;

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (IsShared(assemblyName.Name))
        {
            return null;
        }

        var resolved = _resolver.ResolveAssemblyToPath(assemblyName);
        if (resolved is null)
        {
            var beside = Path.Combine(Path.GetDirectoryName(path)!, assemblyName.Name + ".dll");
            resolved = File.Exists(beside) && Default.Assemblies.All(a => a.GetName().Name != assemblyName.Name) ? beside : null;
        }

        return resolved is null ? null : LoadFromAssemblyPath(resolved);
    }
}
