using System.Text;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using PolicyAudit.Analyzers.Governance;

namespace PolicyAudit.Analyzers.Tests.Verifiers;

/// <summary>
/// The ecosystem's source-generator harness set up for PolicyAudit's governed-member generator: the test code compiles
/// against <see cref="TestFramework"/>'s references and the stand-in PolicyAudit assembly, and the generated files
/// must equal <c>TestState.GeneratedSources</c> (none expected means none may be generated).
/// </summary>
internal static class CSharpSourceGeneratorVerifier
{
    /// <summary>The generated file as <c>TestState.GeneratedSources</c> expects it: the generator's hint name, UTF-8.</summary>
    public static (Type GeneratorType, string FileName, SourceText Content) Generated(string text) =>
        (typeof(GovernedMemberGenerator), GovernedMemberGenerator.HintName, SourceText.From(text.ReplaceLineEndings("\n"), Encoding.UTF8));

    /// <summary>Asserts the generator writes exactly <paramref name="expected"/> for <paramref name="sources"/> (a domain, its policies).</summary>
    public static Task VerifyGeneratedAsync(string expected, params string[] sources)
    {
        var test = new Test();
        foreach (var source in sources)
        {
            test.TestState.Sources.Add(source);
        }

        test.TestState.GeneratedSources.Add(Generated(expected));
        return test.RunAsync();
    }

    /// <summary>One generator test; set sources and expected generated sources, then <c>RunAsync</c>.</summary>
    public sealed class Test : CSharpSourceGeneratorTest<GovernedMemberGenerator, DefaultVerifier>, IPolicyAuditTest
    {
        public Test() => PolicyAuditTestSetup.Apply(this);

        /// <inheritdoc />
        public TestFramework Framework { get; set; } = TestFramework.Net100;

        /// <inheritdoc />
        public bool ReferencesPolicyAudit { get; set; } = true;
    }
}
