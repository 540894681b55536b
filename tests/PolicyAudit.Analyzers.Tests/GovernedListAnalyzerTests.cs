using PolicyAudit.Analyzers.Tests.Verifiers;
using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.GovernedListAnalyzer>;

namespace PolicyAudit.Analyzers.Tests;

public sealed class GovernedListAnalyzerTests
{
    private const string Policy = """
        [PolicyAudit.Policy("opening-hours")]
        public sealed class OpeningHours : PolicyAudit.Policy
        {
            public override void Define() { }
        }
        """;

    /// <summary>The policy above with a <c>PolicyAudit.Governed.txt</c> whose markup marks the expected diagnostics.</summary>
    private static VerifyCS.Test WithGovernedList(string governedMarkup, params string[] otherSources)
    {
        var test = new VerifyCS.Test { TestCode = Policy };
        foreach (var source in otherSources)
        {
            test.TestState.Sources.Add(source);
        }

        test.TestState.AdditionalFiles.Add(PolicyAuditTestSetup.GovernedList(governedMarkup));
        return test;
    }

    [Fact]
    public async Task GovernedFile_MalformedLine_IsReportedOnTheLine()
    {
        var test = WithGovernedList("# hours\n{|#0:P:System.DateTime.Hour opening-hours|}\n");
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic().WithLocation(0).WithMessage(
            "'P:System.DateTime.Hour opening-hours' is not 'documentation-id;policy-id' (for example 'P:Shop.Order.DaysSincePurchase;refund-window')"));

        await test.RunAsync();
    }

    [Fact]
    public async Task GovernedFile_IdNamingNoMember_IsReportedOnTheId()
    {
        var test = WithGovernedList("{|#0:P:System.DateTime.Hours|};opening-hours\n[|T:System.DateTime|];opening-hours\n");
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic().WithLocation(0).WithMessage(
            "'P:System.DateTime.Hours' names no property, field or method of this compilation or its references"));

        await test.RunAsync();
    }

    [Theory]
    [InlineData("[|hello world|];opening-hours")]
    [InlineData("[|M:System.DateTime.NoSuchMethod(System.Double)|];opening-hours")]
    [InlineData("[|P:|];opening-hours")]
    [InlineData("[|X:System.DateTime.Hour|];opening-hours")]
    public async Task GovernedFile_GarbageId_IsReportedAndDoesNotBreakAnalysis(string lineMarkup)
    {
        await WithGovernedList(
            lineMarkup + "\n",
            "public static class Door { public static bool Late(System.DateTime now) => now.Hour > 22; }").RunAsync();
    }

    [Fact]
    public async Task GovernedFile_ValidEntriesAndComments_AreNotReported()
    {
        await WithGovernedList("""
            # Framework members we cannot annotate
            // also a comment

            P:System.DateTime.Hour;opening-hours
            M:System.DateTime.AddDays(System.Double);opening-hours ; trailing note
            """).RunAsync();
    }
}
