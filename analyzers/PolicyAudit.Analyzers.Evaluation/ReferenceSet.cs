using Microsoft.CodeAnalysis;

namespace PolicyAudit.Analyzers.Evaluation;

/// <summary>
/// The metadata every project of a case compiles against: the .NET and ASP.NET Core reference packs of the SDK that
/// runs the harness, PolicyAudit with NRules, the libraries the harness ships with (EF Core, Newtonsoft.Json,
/// FluentValidation), and any <c>refs/*.dll</c> of the case. Not thread-safe to build; immutable once built.
/// </summary>
internal sealed class ReferenceSet
{
    /// <summary>The framework's own source generators a build runs: without them <c>[GeneratedRegex]</c>,
    /// <c>[LoggerMessage]</c> and <c>[JsonSerializable]</c> partials do not compile.</summary>
    private static readonly string[] FrameworkGeneratorFiles =
    {
        "System.Text.RegularExpressions.Generator.dll", "System.Text.Json.SourceGeneration.dll",
        "Microsoft.Extensions.Logging.Generators.dll", "Microsoft.Extensions.Options.SourceGeneration.dll",
    };

    private ReferenceSet(IReadOnlyList<MetadataReference> references, IReadOnlyList<string> generators, string description)
    {
        References = references;
        FrameworkGenerators = generators;
        Description = description;
    }

    /// <summary>Paths of the reference packs' source generators that a build runs in every project.</summary>
    public IReadOnlyList<string> FrameworkGenerators { get; }

    /// <summary>The references, the framework's first.</summary>
    public IReadOnlyList<MetadataReference> References { get; }

    /// <summary>Which packs were found, for the report's header.</summary>
    public string Description { get; }

    /// <summary>Finds the reference packs and the shipped libraries; fails with the folder it looked in.</summary>
    public static ReferenceSet Create(string caseDirectory)
    {
        var packs = Path.Combine(DotNetRoot(), "packs");
        var framework = LatestRefFolder(packs, "Microsoft.NETCore.App.Ref");
        var web = LatestRefFolder(packs, "Microsoft.AspNetCore.App.Ref");
        var files = new List<string>();
        files.AddRange(Directory.GetFiles(framework, "*.dll"));
        files.AddRange(Directory.GetFiles(web, "*.dll"));

        // Assemblies the harness itself loads: the same files a build would take from the package cache.
        var shipped = new[]
        {
            typeof(PolicyAudit.Policy).Assembly,
            typeof(NRules.Fluent.Dsl.Rule).Assembly,
            typeof(NRules.RuleModel.RuleElement).Assembly,
            typeof(Microsoft.EntityFrameworkCore.DbContext).Assembly,
            typeof(Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions).Assembly,
            typeof(Microsoft.EntityFrameworkCore.KeylessAttribute).Assembly,
            typeof(Newtonsoft.Json.JsonConvert).Assembly,
            typeof(FluentValidation.AbstractValidator<>).Assembly,
        };
        var names = new HashSet<string>(files.Select(Path.GetFileName)!, StringComparer.OrdinalIgnoreCase);
        files.AddRange(shipped.Select(a => a.Location).Where(path => names.Add(Path.GetFileName(path))));

        var extra = Path.Combine(caseDirectory, "refs");
        if (Directory.Exists(extra))
        {
            files.AddRange(Directory.GetFiles(extra, "*.dll").Where(path => names.Add(Path.GetFileName(path))));
        }

        var generators = new[] { framework, web }
            .Select(folder => Path.GetFullPath(Path.Combine(folder, "..", "..", "analyzers", "dotnet", "cs")))
            .Where(Directory.Exists)
            .SelectMany(folder => FrameworkGeneratorFiles.Select(file => Path.Combine(folder, file)))
            .Where(File.Exists)
            .ToList();
        return new ReferenceSet(
            files.Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToList(),
            generators,
            $"{framework}, {web}, {shipped.Length} shipped libraries, {generators.Count} framework generators" + (Directory.Exists(extra) ? ", refs/" : string.Empty));
    }

    private static string DotNetRoot()
    {
        // The shared runtime lives in <root>/shared/Microsoft.NETCore.App/<version>/.
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return Path.GetFullPath(Path.Combine(runtime, "..", "..", ".."));
    }

    private static string LatestRefFolder(string packs, string pack)
    {
        var root = Path.Combine(packs, pack);
        var version = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(d => (Dir: d, Version: Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : null))
                .Where(d => d.Version is not null && Directory.Exists(Path.Combine(d.Dir, "ref", "net10.0")))
                .OrderByDescending(d => d.Version)
                .Select(d => d.Dir)
                .FirstOrDefault()
            : null;
        return version is null
            ? throw new DirectoryNotFoundException($"No {pack} with ref/net10.0 under {root}: the harness needs the .NET 10 SDK's reference packs.")
            : Path.Combine(version, "ref", "net10.0");
    }
}
