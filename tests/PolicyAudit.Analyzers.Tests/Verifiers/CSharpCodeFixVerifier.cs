using Microsoft.CodeAnalysis.CodeFixes;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using PolicyAudit.Analyzers.Governance;

namespace PolicyAudit.Analyzers.Tests.Verifiers;

/// <summary>
/// The ecosystem's code-fix harness set up for PolicyAudit (see <see cref="CSharpAnalyzerVerifier{TAnalyzer}"/>): the
/// fix is applied to every marked diagnostic, one by one and as fix-all, and the fixed code must equal
/// <c>FixedCode</c> and compile. <c>FixedCode</c> equal to the test code asserts that no fix is offered.
/// </summary>
internal static class CSharpCodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    /// <summary>An expected <typeparamref name="TAnalyzer"/> diagnostic.</summary>
    public static DiagnosticResult Diagnostic() => CSharpCodeFixVerifier<TAnalyzer, TCodeFix, DefaultVerifier>.Diagnostic();

    /// <summary>An expected diagnostic of any PolicyAudit rule.</summary>
    public static DiagnosticResult Diagnostic(string id) => PolicyAuditAnalyzers.Diagnostic(id);

    /// <summary>Asserts the marked diagnostics, applies the first fix to each and compares with <paramref name="fixedSource"/>.</summary>
    public static Task VerifyCodeFixAsync(string source, string fixedSource, int codeActionIndex = 0) =>
        new Test { TestCode = source, FixedCode = fixedSource, CodeActionIndex = codeActionIndex }.RunAsync();

    /// <summary>Asserts the marked diagnostics and that no fix is offered for them.</summary>
    public static Task VerifyNoCodeFixAsync(string source) =>
        new Test { TestCode = source, FixedCode = source }.RunAsync();

    /// <summary>One code-fix test; set sources (additional projects too), fixed state and expectations, then <c>RunAsync</c>.</summary>
    public sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>, IPolicyAuditTest
    {
        public Test()
        {
            PolicyAuditTestSetup.Apply(this);
            TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
        }

        /// <inheritdoc />
        public TestFramework Framework { get; set; } = TestFramework.Net100;

        /// <inheritdoc />
        public bool ReferencesPolicyAudit { get; set; } = true;

        /// <summary>How many code actions the fix must offer for each diagnostic it fixes; unchecked unless set.</summary>
        public int? ExpectedCodeActionCount { get; set; }

        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => PolicyAuditAnalyzers.Create<TAnalyzer>();

        protected override IEnumerable<Type> GetSourceGenerators() => [typeof(GovernedMemberGenerator)];

        protected override ImmutableArray<CodeAction> FilterCodeActions(ImmutableArray<CodeAction> actions)
        {
            if (ExpectedCodeActionCount is { } expected)
            {
                Verify.Equal(expected, actions.Length, $"expected {expected} code action(s) for the diagnostic, found {actions.Length}");
            }

            return base.FilterCodeActions(actions);
        }

        protected override Project ApplyCompilationOptions(Project project) =>
            PolicyAuditTestSetup.WithoutDefaultSeverityEntries(base.ApplyCompilationOptions(project));
    }
}
