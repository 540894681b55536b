using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using System.Security.Cryptography;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PolicyAudit.Analyzers.Evaluation;

/// <summary>
/// The analyzers and source generators of one PolicyAudit.Analyzers.dll, loaded as a build loads them: into their own
/// load context, sharing the compiler's Roslyn. Loading an older build of the dll lets two versions be compared.
/// </summary>
internal sealed class AnalyzerSet
{
    private AnalyzerSet(string path, ImmutableArray<DiagnosticAnalyzer> analyzers, ImmutableArray<ISourceGenerator> generators)
    {
        Path = path;
        Analyzers = analyzers;
        Generators = generators;
    }

    /// <summary>The dll's full path.</summary>
    public string Path { get; }

    /// <summary>Every C# analyzer the dll declares.</summary>
    public ImmutableArray<DiagnosticAnalyzer> Analyzers { get; }

    /// <summary>Every C# generator the dll declares.</summary>
    public ImmutableArray<ISourceGenerator> Generators { get; }

    /// <summary>The first twelve hex digits of the dll's SHA-256, so that a report says which build ran.</summary>
    public string Hash
    {
        get
        {
            using var stream = File.OpenRead(Path);
            return Convert.ToHexString(SHA256.HashData(stream))[..12].ToLowerInvariant();
        }
    }

    /// <summary>The generators of other dlls (the framework's), each loaded in its own context.</summary>
    public static ImmutableArray<ISourceGenerator> LoadGenerators(IEnumerable<string> paths) =>
        paths.SelectMany(path => new AnalyzerFileReference(path, new IsolatedLoader()).GetGenerators(LanguageNames.CSharp)).ToImmutableArray();

    /// <summary>Loads the dll; fails when it declares no analyzer.</summary>
    public static AnalyzerSet Load(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"Analyzer assembly not found: {full}", full);
        }

        var reference = new AnalyzerFileReference(full, new IsolatedLoader());
        var analyzers = reference.GetAnalyzers(LanguageNames.CSharp);
        if (analyzers.IsEmpty)
        {
            throw new InvalidOperationException($"{full} declares no C# analyzer.");
        }

        return new AnalyzerSet(full, analyzers, reference.GetGenerators(LanguageNames.CSharp));
    }

    /// <summary>One load context per loader, so that two builds of the dll can live side by side.</summary>
    private sealed class IsolatedLoader : IAnalyzerAssemblyLoader
    {
        private readonly Context _context = new();

        public void AddDependencyLocation(string fullPath) => _context.Add(fullPath);

        public Assembly LoadFromPath(string fullPath) => _context.LoadFromAssemblyPath(fullPath);

        private sealed class Context : AssemblyLoadContext
        {
            private readonly Dictionary<string, string> _dependencies = new(StringComparer.OrdinalIgnoreCase);

            public Context()
                : base("PolicyAudit.Analyzers", isCollectible: false)
            {
            }

            public void Add(string fullPath) => _dependencies[System.IO.Path.GetFileNameWithoutExtension(fullPath)] = fullPath;

            // The compiler's own assemblies (Roslyn, System.*) come from the default context, as in a build.
            protected override Assembly? Load(AssemblyName name) =>
                name.Name is { } simple && _dependencies.TryGetValue(simple, out var path) && !simple.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)
                    ? LoadFromAssemblyPath(path)
                    : null;
        }
    }
}
