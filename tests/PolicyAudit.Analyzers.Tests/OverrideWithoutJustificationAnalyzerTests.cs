using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.OverrideWithoutJustificationAnalyzer>;

namespace PolicyAudit.Analyzers.Tests;

public sealed class OverrideWithoutJustificationAnalyzerTests
{
    private static string Call(string justification) => $$"""
        using System.Threading.Tasks;
        using PolicyAudit;
        public sealed class Till(IOverrideRecorder recorder)
        {
            public Task Refund(Decision decision, StaffMember waiter) =>
                recorder.OverrideAsync(decision, waiter, {{justification}});
        }
        """;

    [Theory]
    [InlineData("[|\"\"|]")]
    [InlineData("[|\"   \"|]")]
    [InlineData("[|\"TODO\"|]")]
    [InlineData("[|\" n/a \"|]")]
    [InlineData("[|\"...\"|]")]
    [InlineData("[|string.Empty|]")]
    [InlineData("[|null|]!")]
    public async Task OverrideAsync_EmptyBlankOrPlaceholderJustification_IsReported(string justificationMarkup)
    {
        await VerifyCS.VerifyAnalyzerAsync(Call(justificationMarkup));
    }

    [Fact]
    public async Task OverrideAsync_NamedJustificationArgument_IsReportedWithText()
    {
        await VerifyCS.VerifyAnalyzerAsync(
            """
            using System.Threading.Tasks;
            using PolicyAudit;
            public sealed class Till(IOverrideRecorder recorder)
            {
                public Task Refund(Decision decision, StaffMember waiter) =>
                    recorder.OverrideAsync(justification: {|#0:"tbd"|}, by: waiter, decision: decision);
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithMessage("The justification \"tbd\" does not say why the policy was overridden"));
    }

    [Theory]
    [InlineData("\"Regular customer; the jacket was a gift and arrived late\"")]
    [InlineData("reason")]
    [InlineData("$\"Customer waited {minutes} minutes\"")]
    public async Task OverrideAsync_RealOrComputedJustification_IsNotReported(string justification)
    {
        await VerifyCS.VerifyAnalyzerAsync($$"""
            using System.Threading.Tasks;
            using PolicyAudit;
            public sealed class Till(IOverrideRecorder recorder)
            {
                public Task Refund(Decision decision, StaffMember waiter, string reason, int minutes) =>
                    recorder.OverrideAsync(decision, waiter, {{justification}});
            }
            """);
    }

    [Fact]
    public void IsEmptyOrPlaceholder_WordsAndPunctuation_AreRecognised()
    {
        Assert.True(OverrideWithoutJustificationAnalyzer.IsEmptyOrPlaceholder("  -- "));
        Assert.True(OverrideWithoutJustificationAnalyzer.IsEmptyOrPlaceholder("FixMe"));
        Assert.True(OverrideWithoutJustificationAnalyzer.IsEmptyOrPlaceholder("Manager said."));
        Assert.False(OverrideWithoutJustificationAnalyzer.IsEmptyOrPlaceholder("Manager approved: loyal customer"));
    }
}
