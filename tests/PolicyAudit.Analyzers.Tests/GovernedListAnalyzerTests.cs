using PolicyAudit.Analyzers.Tests.Infrastructure;

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

    [Fact]
    public async Task GovernedFile_MalformedLine_IsReportedOnTheLine()
    {
        var governed = new TestAdditionalText("/src/Host/PolicyAudit.Governed.txt", "# hours\nP:System.DateTime.Hour opening-hours\n");

        var diagnostics = await AnalyzerVerifier.RunAsync([Policy], additionalFiles: [governed]);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("PA0005", diagnostic.Id);
        Assert.Equal(1, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Equal(
            "'P:System.DateTime.Hour opening-hours' is not 'documentation-id;policy-id' (for example 'P:Shop.Order.DaysSincePurchase;refund-window')",
            diagnostic.GetMessage());
    }

    [Fact]
    public async Task GovernedFile_IdNamingNoMember_IsReportedOnTheId()
    {
        var governed = new TestAdditionalText("/src/Host/PolicyAudit.Governed.txt", "P:System.DateTime.Hours;opening-hours\nT:System.DateTime;opening-hours\n");

        var diagnostics = await AnalyzerVerifier.RunAsync([Policy], additionalFiles: [governed]);

        Assert.Equal(2, diagnostics.Length);
        Assert.All(diagnostics, d => Assert.Equal("PA0005", d.Id));
        var first = diagnostics.OrderBy(d => d.Location.GetLineSpan().StartLinePosition.Line).First();
        Assert.Equal("'P:System.DateTime.Hours' names no property, field or method of this compilation or its references", first.GetMessage());
        Assert.Equal(0, first.Location.GetLineSpan().StartLinePosition.Character);
        Assert.Equal("P:System.DateTime.Hours".Length, first.Location.GetLineSpan().EndLinePosition.Character);
    }

    [Theory]
    [InlineData("hello world;opening-hours")]
    [InlineData("M:System.DateTime.NoSuchMethod(System.Double);opening-hours")]
    [InlineData("P:;opening-hours")]
    [InlineData("X:System.DateTime.Hour;opening-hours")]
    public async Task GovernedFile_GarbageId_IsReportedAndDoesNotBreakAnalysis(string line)
    {
        var governed = new TestAdditionalText("/src/Host/PolicyAudit.Governed.txt", line + "\n");

        var diagnostics = await AnalyzerVerifier.RunAsync(
            [Policy, "public static class Door { public static bool Late(System.DateTime now) => now.Hour > 22; }"],
            additionalFiles: [governed]);

        Assert.Equal("PA0005", Assert.Single(diagnostics).Id);
    }

    [Fact]
    public async Task GovernedFile_ValidEntriesAndComments_AreNotReported()
    {
        var governed = new TestAdditionalText("/src/Host/PolicyAudit.Governed.txt", """
            # Framework members we cannot annotate
            // also a comment

            P:System.DateTime.Hour;opening-hours
            M:System.DateTime.AddDays(System.Double);opening-hours ; trailing note
            """);

        var diagnostics = await AnalyzerVerifier.RunAsync([Policy], additionalFiles: [governed]);

        Assert.Empty(diagnostics);
    }
}
