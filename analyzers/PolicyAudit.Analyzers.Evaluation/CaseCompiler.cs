using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace PolicyAudit.Analyzers.Evaluation;

/// <summary>
/// Compiles one part of a case as an SDK build would: newest C#, nullable on, the web SDK's implicit usings, the
/// PolicyAudit generator run, and the parts below it referenced as reference assemblies (falling back to the
/// compilation itself when its errors stop an emit). Not thread-safe.
/// </summary>
internal sealed class CaseCompiler
{
    private static readonly CSharpParseOptions ParseOptions = new(
        LanguageVersion.Preview,
        preprocessorSymbols: new[]
        {
            "NET", "NETCOREAPP", "NET10_0", "RELEASE",
            "NETCOREAPP3_0_OR_GREATER", "NETCOREAPP3_1_OR_GREATER", "NET5_0_OR_GREATER", "NET6_0_OR_GREATER",
            "NET7_0_OR_GREATER", "NET8_0_OR_GREATER", "NET9_0_OR_GREATER", "NET10_0_OR_GREATER",
        });

    // What Microsoft.NET.Sdk's implicit usings give a class library, and what Microsoft.NET.Sdk.Web adds for the App.
    private static readonly string[] LibraryUsings =
    {
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading",
        "System.Threading.Tasks",
    };

    private static readonly string[] WebUsings =
    {
        "System.Net.Http.Json", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Http",
        "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection",
        "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging",
    };

    /// <summary><c>.globalconfig</c> key: <c>library</c> when the App was a class library, not a web project.</summary>
    public const string AppSdkOption = "evaluation.app_sdk";

    /// <summary>
    /// <c>.globalconfig</c> key: <c>disable</c> when the code base's projects do not turn implicit usings on, so that a
    /// type of its own named like one of <c>System.IO</c>'s (<c>MatchType</c>) is not ambiguous. The policies keep them.
    /// </summary>
    public const string ImplicitUsingsOption = "evaluation.implicit_usings";

    private readonly string _caseDirectory;
    private readonly ReferenceSet _references;
    private readonly AnalyzerSet _analyzers;
    private readonly CaseOptions _options;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _exceptions = new();
    private readonly ImmutableArray<ISourceGenerator> _frameworkGenerators;

    public CaseCompiler(string caseDirectory, ReferenceSet references, AnalyzerSet analyzers, CaseOptions options)
    {
        _caseDirectory = caseDirectory;
        _references = references;
        _analyzers = analyzers;
        _options = options;
        _frameworkGenerators = AnalyzerSet.LoadGenerators(references.FrameworkGenerators);
    }

    /// <summary>Exceptions the analyzers threw, each with the part it was analysing: any is a defect to report.</summary>
    public IEnumerable<string> AnalyzerExceptions => _exceptions;

    /// <summary>The part's C# files (bin and obj left out), paths relative to the case with <c>/</c>.</summary>
    public IReadOnlyList<SyntaxTree> Parse(Part part)
    {
        var folder = Path.Combine(_caseDirectory, part.ToString());
        if (!Directory.Exists(folder))
        {
            return Array.Empty<SyntaxTree>();
        }

        return Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(_caseDirectory, file).Replace('\\', '/'))
            .Where(relative => !relative.Split('/').Any(segment => segment is "bin" or "obj"))
            .OrderBy(relative => relative, StringComparer.Ordinal)
            .Select(relative => CSharpSyntaxTree.ParseText(
                SourceText.From(File.ReadAllText(Path.Combine(_caseDirectory, relative)), System.Text.Encoding.UTF8),
                ParseOptions,
                relative))
            .ToList();
    }

    /// <summary>The part's additional files: a <c>PolicyAudit.Governed.txt</c> anywhere in its folder.</summary>
    public ImmutableArray<AdditionalText> AdditionalFiles(Part part)
    {
        var folder = Path.Combine(_caseDirectory, part.ToString());
        return Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "PolicyAudit.Governed.txt", SearchOption.AllDirectories)
                .Select(file => (AdditionalText)new CaseFile(file))
                .ToImmutableArray()
            : ImmutableArray<AdditionalText>.Empty;
    }

    /// <summary>Compiles <paramref name="trees"/> as <paramref name="part"/> over <paramref name="below"/>, generator run.</summary>
    public Compilation Compile(Part part, IEnumerable<SyntaxTree> trees, IEnumerable<MetadataReference> below)
    {
        // An App with top-level statements is the host's executable, as its SDK project would say.
        var materialized = trees.ToList();
        var kind = materialized.Any(t => t.GetRoot().ChildNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.GlobalStatementSyntax>().Any())
            ? OutputKind.ConsoleApplication
            : OutputKind.DynamicallyLinkedLibrary;
        var compilation = CSharpCompilation.Create(
            part.ToString(),
            materialized.Append(CSharpSyntaxTree.ParseText(GlobalUsings(part), ParseOptions, $"obj/{part}.GlobalUsings.g.cs")),
            _references.References.Concat(below),
            new CSharpCompilationOptions(
                kind,
                nullableContextOptions: NullableContextOptions.Enable,
                allowUnsafe: true,
                concurrentBuild: true));
        var generators = part == Part.Stubs ? _frameworkGenerators : _frameworkGenerators.AddRange(_analyzers.Generators);
        var driver = CSharpGeneratorDriver.Create(generators, AdditionalFiles(part), ParseOptions, _options);
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var generated, out _);
        return generated;
    }

    /// <summary>
    /// The SDK's implicit usings (the web SDK's for App), and access for the parts above to the internals of the ones
    /// below: a case often splits what was one assembly into Domain and App.
    /// </summary>
    private string GlobalUsings(Part part)
    {
        var web = part == Part.App && !(_options.GlobalOptions.TryGetValue(AppSdkOption, out var sdk) && sdk == "library");
        // The policies are the adopter's own new project, which has them either way.
        var usings = part != Part.Policies && _options.GlobalOptions.TryGetValue(ImplicitUsingsOption, out var implicitUsings) && implicitUsings == "disable"
            ? Enumerable.Empty<string>()
            : web ? LibraryUsings.Concat(WebUsings) : LibraryUsings;
        var friends = Enum.GetValues<Part>().Where(above => above > part)
            .Select(above => $"[assembly: global::System.Runtime.CompilerServices.InternalsVisibleTo(\"{above}\")]");
        return string.Join(Environment.NewLine, usings.Select(name => $"global using global::{name};").Concat(friends));
    }

    /// <summary>
    /// How the parts above see this one: its reference assembly, as a build passes it, or the compilation itself when
    /// its errors stop the emit (then <paramref name="note"/> says so).
    /// </summary>
    public static MetadataReference ReferenceTo(Compilation compilation, out string? note)
    {
        using var stream = new MemoryStream();
        var emitted = compilation.Emit(stream, options: new Microsoft.CodeAnalysis.Emit.EmitOptions(metadataOnly: true));
        if (emitted.Success)
        {
            note = null;
            return MetadataReference.CreateFromImage(stream.ToArray());
        }

        note = $"{compilation.AssemblyName} is referenced as a compilation: its reference assembly could not be emitted ({emitted.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error)} errors)";
        return compilation.ToMetadataReference();
    }

    /// <summary>Runs every analyzer on the compilation; returns its diagnostics and PA0001's own time.</summary>
    public async Task<(ImmutableArray<Diagnostic> Diagnostics, TimeSpan HardCodedCheckTime)> AnalyzeAsync(Compilation compilation, Part part)
    {
        var withAnalyzers = compilation.WithAnalyzers(
            _analyzers.Analyzers,
            new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(AdditionalFiles(part), _options),
                onAnalyzerException: (exception, analyzer, _) => _exceptions.Enqueue($"{analyzer.GetType().Name} on {part}: {exception}"),
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: true));
        var result = await withAnalyzers.GetAnalysisResultAsync(CancellationToken.None).ConfigureAwait(false);
        var time = result.AnalyzerTelemetryInfo
            .Where(pair => pair.Key.SupportedDiagnostics.Any(d => d.Id == "PA0001"))
            .Aggregate(TimeSpan.Zero, (sum, pair) => sum + pair.Value.ExecutionTime);
        return (result.GetAllDiagnostics(), time);
    }

    private sealed class CaseFile(string path) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(File.ReadAllText(Path));
    }
}
