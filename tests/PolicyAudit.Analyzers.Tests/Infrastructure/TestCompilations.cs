using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PolicyAudit.Analyzers.Governance;

namespace PolicyAudit.Analyzers.Tests.Infrastructure;

/// <summary>Builds test compilations against the running runtime's assemblies and the stub PolicyAudit assembly.</summary>
internal static class TestCompilations
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static readonly CSharpCompilationOptions Options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
        .WithNullableContextOptions(NullableContextOptions.Enable);

    private static readonly Lazy<ImmutableArray<MetadataReference>> RuntimeReferences = new(LoadRuntimeReferences);
    private static readonly Lazy<MetadataReference> NRulesReference = new(() =>
        Emit(CSharpCompilation.Create(
            "NRules.Fluent",
            [CSharpSyntaxTree.ParseText(PolicyAuditStub.NRulesSource, ParseOptions)],
            RuntimeReferences.Value,
            Options)));

    private static readonly Lazy<MetadataReference> PolicyAuditReference = new(() =>
        Emit(CSharpCompilation.Create(
            "PolicyAudit",
            [CSharpSyntaxTree.ParseText(PolicyAuditStub.Source, ParseOptions)],
            RuntimeReferences.Value.Add(NRulesReference.Value),
            Options)));

    /// <summary>The runtime's assemblies plus the stub NRules and PolicyAudit assemblies.</summary>
    public static ImmutableArray<MetadataReference> DefaultReferences => RuntimeReferences.Value.Add(NRulesReference.Value).Add(PolicyAuditReference.Value);

    /// <summary>The runtime's assemblies only: a project that does not reference PolicyAudit.</summary>
    public static ImmutableArray<MetadataReference> RuntimeOnlyReferences => RuntimeReferences.Value;

    public static CSharpCompilation Create(string assemblyName, IEnumerable<string> sources, IEnumerable<MetadataReference>? references = null, bool referencePolicyAudit = true)
    {
        var trees = sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: $"/src/{assemblyName}/File{i}.cs"));
        var allReferences = (referencePolicyAudit ? DefaultReferences : RuntimeOnlyReferences).AddRange(references ?? []);
        return CSharpCompilation.Create(assemblyName, trees, allReferences, Options);
    }

    /// <summary>Runs the governed-member generator, as the build does before analyzers run.</summary>
    public static CSharpCompilation RunGenerator(CSharpCompilation compilation, ImmutableArray<AdditionalText> additionalFiles)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new GovernedMemberGenerator().AsSourceGenerator()],
            additionalFiles,
            ParseOptions);
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var updated, out var diagnostics);
        Assert.Empty(diagnostics);
        return (CSharpCompilation)updated;
    }

    /// <summary>
    /// Compiles a policies assembly the way a build does (generator included) and returns it as a metadata
    /// reference for a host compilation.
    /// </summary>
    public static MetadataReference CompileReferencedAssembly(string assemblyName, string source) =>
        CompileReferencedAssembly(assemblyName, [source]);

    /// <inheritdoc cref="CompileReferencedAssembly(string, string)"/>
    public static MetadataReference CompileReferencedAssembly(string assemblyName, IEnumerable<string> sources, params MetadataReference[] references)
    {
        var compilation = RunGenerator(Create(assemblyName, sources, references), []);
        return Emit(compilation);
    }

    public static MetadataReference Emit(CSharpCompilation compilation)
    {
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Assert.True(result.Success, $"{compilation.AssemblyName} does not compile:\n" + string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return MetadataReference.CreateFromImage(stream.ToArray());
    }

    private static ImmutableArray<MetadataReference> LoadRuntimeReferences()
    {
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return trusted
            .Where(path => string.Equals(Path.GetDirectoryName(path), runtimeDirectory, StringComparison.Ordinal))
            .Where(path => Path.GetFileName(path) is var name && (name.StartsWith("System.", StringComparison.Ordinal) || name is "netstandard.dll" or "mscorlib.dll"))
            .Order(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }
}
