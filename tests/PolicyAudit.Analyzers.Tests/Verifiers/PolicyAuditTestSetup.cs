using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;

namespace PolicyAudit.Analyzers.Tests.Verifiers;

/// <summary>
/// What every PolicyAudit harness test (analyzer, code fix, generator) shares: each project of the test solution
/// compiles against <see cref="IPolicyAuditTest.Framework"/>'s reference assemblies and, unless the test says
/// otherwise, the stand-in PolicyAudit assembly, with nullable enabled and the latest language version, as the
/// repository's projects are built.
/// </summary>
internal static class PolicyAuditTestSetup
{
    /// <summary>The path of the <c>.editorconfig</c> that <see cref="EditorConfig"/> writes; it applies to every test file.</summary>
    public const string EditorConfigPath = "/.editorconfig";

    /// <summary>Where the test project's <c>PolicyAudit.Governed.txt</c> lies (beside its sources, /0/Test0.cs, ...).</summary>
    public const string GovernedListPath = "/0/PolicyAudit.Governed.txt";

    /// <summary>Configures <paramref name="test"/>; its framework and reference are read when the test runs.</summary>
    public static void Apply<TTest>(TTest test)
        where TTest : AnalyzerTest<DefaultVerifier>, IPolicyAuditTest
    {
        test.ReferenceAssemblies = TestFramework.NoReferenceAssemblies;

        // Evaluated when each solution is built, after the test's object initializer has set the framework.
        test.SolutionTransforms.Add((solution, _) =>
        {
            var references = test.ReferencesPolicyAudit ? test.Framework.WithPolicyAudit : test.Framework.Runtime;
            foreach (var project in solution.Projects.ToList())
            {
                solution = solution
                    .WithProjectCompilationOptions(project.Id, ((CSharpCompilationOptions)project.CompilationOptions!).WithNullableContextOptions(NullableContextOptions.Enable))
                    .WithProjectParseOptions(project.Id, ((CSharpParseOptions)project.ParseOptions!).WithLanguageVersion(LanguageVersion.Latest))
                    .AddMetadataReferences(project.Id, references);
            }

            return solution;
        });
    }

    /// <summary>
    /// Undoes the harness's "enable every rule under test" entries for rules that are on by default: a compilation
    /// option of <see cref="ReportDiagnostic.Default"/> reads as <c>/warnaserror-:ID</c> and would override an
    /// <c>.editorconfig</c> that raises the rule to an error, which a build does not do. Rules stay on as they ship.
    /// </summary>
    public static Project WithoutDefaultSeverityEntries(Project project)
    {
        var options = project.CompilationOptions!;
        var entries = options.SpecificDiagnosticOptions
            .Where(entry => !(entry.Key.StartsWith("PA", StringComparison.Ordinal) && entry.Value == ReportDiagnostic.Default))
            .ToImmutableDictionary();
        return project.Solution.WithProjectCompilationOptions(project.Id, options.WithSpecificDiagnosticOptions(entries)).GetProject(project.Id)!;
    }

    /// <summary>An <c>.editorconfig</c> whose <c>[*.cs]</c> section holds <paramref name="settings"/>, as <c>TestState.AnalyzerConfigFiles</c> takes it.</summary>
    public static (string Path, string Text) EditorConfig(params string[] settings) =>
        (EditorConfigPath, "root = true\n\n[*.cs]\n" + string.Join("\n", settings) + "\n");

    /// <summary>A <c>PolicyAudit.Governed.txt</c> with <paramref name="text"/>, as <c>TestState.AdditionalFiles</c> takes it (markup allowed).</summary>
    public static (string Path, string Text) GovernedList(string text) => (GovernedListPath, text);
}
