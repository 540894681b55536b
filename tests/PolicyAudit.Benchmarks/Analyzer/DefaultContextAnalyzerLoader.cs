using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;

namespace PolicyAudit.Benchmarks.Analyzer;

/// <summary>Loads analyzer assemblies from a package folder into this process, as the compiler loads them from /analyzer: paths.</summary>
internal sealed class DefaultContextAnalyzerLoader : IAnalyzerAssemblyLoader
{
    public void AddDependencyLocation(string fullPath) => AssemblyLoadContext.Default.LoadFromAssemblyPath(fullPath);

    public Assembly LoadFromPath(string fullPath) => AssemblyLoadContext.Default.LoadFromAssemblyPath(fullPath);
}
