using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using PolicyAudit.Analyzers.Governance;

namespace PolicyAudit.Analyzers.Tests.Verifiers;

/// <summary>
/// The ecosystem's analyzer harness set up for PolicyAudit: every PolicyAudit analyzer runs after the governed-member
/// generator, as in a build, and the test code compiles against <see cref="TestFramework"/>'s references and the
/// stand-in PolicyAudit assembly. <c>[|code|]</c> marks a <typeparamref name="TAnalyzer"/> diagnostic,
/// <c>{|PA0004:code|}</c> another rule's; every diagnostic in every file must be marked or expected.
/// </summary>
internal static class CSharpAnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    /// <summary>An expected <typeparamref name="TAnalyzer"/> diagnostic.</summary>
    public static DiagnosticResult Diagnostic() => CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic();

    /// <summary>An expected diagnostic of any PolicyAudit rule.</summary>
    public static DiagnosticResult Diagnostic(string id) => PolicyAuditAnalyzers.Diagnostic(id);

    /// <summary>Asserts the analyzers report exactly the marked spans and <paramref name="expected"/> on <paramref name="source"/>.</summary>
    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>
    /// Asserts the analyzers report exactly the marked spans of <paramref name="markup"/>, compiled with
    /// <paramref name="sources"/> (a domain and its policies) in the same project.
    /// </summary>
    public static Task VerifyBesideAsync(string markup, params string[] sources)
    {
        var test = new Test { TestCode = markup };
        foreach (var source in sources)
        {
            test.TestState.Sources.Add(source);
        }

        return test.RunAsync();
    }

    /// <summary>
    /// Asserts the analyzers report exactly <paramref name="expected"/> on <paramref name="markup"/>, compiled with
    /// <paramref name="sources"/> (a domain and its policies, each its own file) in the same project.
    /// </summary>
    public static Task VerifyBesideAsync(string markup, string[] sources, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = markup };
        foreach (var source in sources)
        {
            test.TestState.Sources.Add(source);
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>A diagnostic at markup location <paramref name="marker"/> with its two message arguments, whatever additional locations the code fix reads.</summary>
    public static DiagnosticResult Expected(int marker, string code, string policies) =>
        Diagnostic().WithLocation(marker).WithArguments(code, policies).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    /// <summary>One analyzer test; set sources, references, files and expectations, then <c>RunAsync</c>.</summary>
    public sealed class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>, IPolicyAuditTest
    {
        public Test()
        {
            PolicyAuditTestSetup.Apply(this);

            // The generator's output is the generator tests' business; here it only feeds the analyzers.
            TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
        }

        /// <inheritdoc />
        public TestFramework Framework { get; set; } = TestFramework.Net100;

        /// <inheritdoc />
        public bool ReferencesPolicyAudit { get; set; } = true;

        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => PolicyAuditAnalyzers.Create<TAnalyzer>();

        protected override IEnumerable<Type> GetSourceGenerators() => [typeof(GovernedMemberGenerator)];

        protected override Project ApplyCompilationOptions(Project project) =>
            PolicyAuditTestSetup.WithoutDefaultSeverityEntries(base.ApplyCompilationOptions(project));
    }
}
