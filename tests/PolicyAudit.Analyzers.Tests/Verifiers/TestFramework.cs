using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using PolicyAudit.Analyzers.Governance;
using PolicyAudit.Analyzers.Tests.Infrastructure;

namespace PolicyAudit.Analyzers.Tests.Verifiers;

/// <summary>
/// A target framework that test code compiles against: its reference assemblies (shipped in the
/// Basic.Reference.Assemblies packages, so nothing is downloaded at test time) and the stand-in NRules and PolicyAudit
/// assemblies compiled against them. Thread-safe: everything is built once, lazily.
/// </summary>
internal sealed class TestFramework
{
    private readonly Lazy<MetadataReference> _nrules;
    private readonly Lazy<MetadataReference> _policyAudit;

    private TestFramework(string moniker, IEnumerable<MetadataReference> runtime)
    {
        Moniker = moniker;
        Runtime = runtime.ToImmutableArray();
        _nrules = new(() => Emit(Create("NRules.Fluent", [PolicyAuditStub.NRulesSource], Runtime)));
        _policyAudit = new(() => Emit(Create("PolicyAudit", [PolicyAuditStub.Source], Runtime.Add(_nrules.Value))));
    }

    /// <summary>.NET 8, the LTS most users are on.</summary>
    public static TestFramework Net80 { get; } = new("net8.0", Basic.Reference.Assemblies.Net80.References.All);

    /// <summary>.NET 10, what the repository builds for; the default.</summary>
    public static TestFramework Net100 { get; } = new("net10.0", Basic.Reference.Assemblies.Net100.References.All);

    public string Moniker { get; }

    /// <summary>The framework's reference assemblies only: a project that does not reference PolicyAudit.</summary>
    public ImmutableArray<MetadataReference> Runtime { get; }

    /// <summary>The framework's reference assemblies plus the stand-in NRules and PolicyAudit assemblies.</summary>
    public ImmutableArray<MetadataReference> WithPolicyAudit => Runtime.Add(_nrules.Value).Add(_policyAudit.Value);

    /// <summary>
    /// The harness's own reference assemblies, set to none: its defaults are downloaded from a feed while tests run,
    /// and mixed with the references above they fail with CS0012. A set with no package resolves offline to no
    /// assembly; each framework's references come as additional references instead.
    /// </summary>
    public static ReferenceAssemblies NoReferenceAssemblies { get; } = new("net10.0");

    /// <summary>The framework named by its moniker, as a test's <c>[InlineData("net8.0")]</c> gives it.</summary>
    public static TestFramework FromMoniker(string moniker) =>
        moniker == Net80.Moniker ? Net80 : moniker == Net100.Moniker ? Net100 : throw new ArgumentOutOfRangeException(nameof(moniker), moniker, null);

    /// <summary>
    /// Compiles an assembly the way a build does, the governed-member generator included, and returns it as a metadata
    /// reference: a referenced project or package whose generated <c>[assembly: GovernedMember]</c> attributes a
    /// test project reads. (The harness's additional projects cannot stand in here: it runs the generator over each
    /// project's own compilation, so a project reference carries nothing the generator added to the referenced one.)
    /// </summary>
    public MetadataReference CompileReference(string assemblyName, IEnumerable<string> sources, IEnumerable<MetadataReference>? references = null, IEnumerable<(string Path, string Text)>? additionalFiles = null)
    {
        var compilation = CreateCompilation(assemblyName, sources, references);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new GovernedMemberGenerator().AsSourceGenerator()],
            (additionalFiles ?? []).Select(file => (AdditionalText)new TestAdditionalText(file.Path, file.Text)),
            ParseOptions);
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var generated, out var diagnostics);
        Assert.Empty(diagnostics);
        return Emit((CSharpCompilation)generated);
    }

    /// <summary>
    /// A compilation referencing this framework and PolicyAudit, its files at <c>/src/{assemblyName}/File{i}.cs</c>,
    /// for the tests that drive the generator themselves (step tracking across runs, which the harness does not offer).
    /// </summary>
    public CSharpCompilation CreateCompilation(string assemblyName, IEnumerable<string> sources, IEnumerable<MetadataReference>? references = null) =>
        Create(assemblyName, sources, WithPolicyAudit.AddRange(references ?? []));

    public override string ToString() => Moniker;

    internal static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    internal static CSharpCompilationOptions CompilationOptions { get; } = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
        .WithNullableContextOptions(NullableContextOptions.Enable);

    private static CSharpCompilation Create(string assemblyName, IEnumerable<string> sources, IEnumerable<MetadataReference> references) =>
        CSharpCompilation.Create(
            assemblyName,
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: $"/src/{assemblyName}/File{i}.cs")),
            references,
            CompilationOptions);

    private static MetadataReference Emit(CSharpCompilation compilation)
    {
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Assert.True(result.Success, $"{compilation.AssemblyName} does not compile:\n" + string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return MetadataReference.CreateFromImage(stream.ToArray());
    }
}
