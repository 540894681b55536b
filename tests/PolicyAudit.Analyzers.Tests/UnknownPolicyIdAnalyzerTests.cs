using Microsoft.CodeAnalysis;
using PolicyAudit.Analyzers.Tests.Infrastructure;

namespace PolicyAudit.Analyzers.Tests;

public sealed class UnknownPolicyIdAnalyzerTests
{
    private const string Rule = "PA0004";

    [Fact]
    public async Task GovernedBy_MistypedId_IsReportedWithSuggestion()
    {
        var diagnostics = await AnalyzerVerifier.VerifyAsync(
            Rule,
            """
            using PolicyAudit;
            public sealed class Parcel
            {
                [GovernedBy([|"refund-windw"|])]
                public int Days { get; set; }
            }
            """,
            [ShopSources.Domain, ShopSources.Policies]);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(
            "No policy in this compilation or its references declares the id 'refund-windw'; did you mean 'refund-window'?",
            diagnostic.GetMessage());
        Assert.Equal("refund-window", diagnostic.Properties[UnknownPolicyIdAnalyzer.SuggestionProperty]);
    }

    [Fact]
    public async Task GovernedBy_UnrelatedId_IsReportedWithoutSuggestion()
    {
        var diagnostics = await AnalyzerVerifier.VerifyAsync(
            Rule,
            """
            using PolicyAudit;
            public sealed class Parcel
            {
                [GovernedBy(policyId: [|"parking"|])]
                public int Days { get; set; }
            }
            """,
            [ShopSources.Domain, ShopSources.Policies]);

        Assert.Equal("No policy in this compilation or its references declares the id 'parking'", Assert.Single(diagnostics).GetMessage());
    }

    [Fact]
    public async Task PolicyIdParameter_OfPolicyAuditApi_IsChecked()
    {
        await AnalyzerVerifier.VerifyAsync(
            Rule,
            """
            using PolicyAudit;
            public static class Dashboard
            {
                private const string Typo = "goldperks";
                public static int Count(IOverrideHistory history) =>
                    history.CountOverrides([|"opened-good"|]) + history.CountOverrides(policyId: [|Typo|]) + history.CountOverrides("refund-window");
            }
            """,
            [ShopSources.Domain, ShopSources.Policies]);
    }

    [Fact]
    public async Task DeclaredIds_InSameCompilation_AreNotReported()
    {
        await AnalyzerVerifier.VerifyAsync(
            Rule,
            """
            using PolicyAudit;
            public sealed class Parcel
            {
                [GovernedBy("refund-window")]
                [GovernedBy("gold-perks")]
                public int Days { get; set; }
            }
            """,
            [ShopSources.Domain, ShopSources.Policies]);
    }

    [Fact]
    public async Task DeclaredIds_InReferencedAssembly_AreKnown()
    {
        var domain = TestCompilations.CompileReferencedAssembly("Shop.Domain", ShopSources.Domain);
        var policies = TestCompilations.CompileReferencedAssembly("Shop.Policies", [ShopSources.Policies], domain);

        await AnalyzerVerifier.VerifyAsync(
            Rule,
            """
            using PolicyAudit;
            public sealed class Parcel
            {
                [GovernedBy("refund-window")] public int Days { get; set; }
                [GovernedBy([|"gold-perk"|])] public int Visits { get; set; }
            }
            """,
            references: [domain, policies]);
    }

    [Fact]
    public async Task AnyId_WhenNoPolicyIsVisible_IsNotReported()
    {
        await AnalyzerVerifier.VerifyAsync(Rule, """
            using PolicyAudit;
            public sealed class Parcel
            {
                [GovernedBy("declared-in-a-project-above-this-one")]
                public int Days { get; set; }
            }
            """);
    }

    [Fact]
    public async Task GovernedFile_UnknownPolicyId_IsReportedInTheFile()
    {
        var governed = new TestAdditionalText("/src/Host/PolicyAudit.Governed.txt", "P:System.DateTime.Hour;refund-windo\n");

        var diagnostics = await AnalyzerVerifier.RunAsync([ShopSources.Domain, ShopSources.Policies], additionalFiles: [governed]);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(Rule, diagnostic.Id);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal("/src/Host/PolicyAudit.Governed.txt", span.Path);
        Assert.Equal(0, span.StartLinePosition.Line);
        Assert.Equal("P:System.DateTime.Hour;".Length, span.StartLinePosition.Character);
        Assert.Contains("did you mean 'refund-window'?", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PolicyAttribute_DeclaringId_IsNotReported()
    {
        await AnalyzerVerifier.VerifyAsync(Rule, """
            using PolicyAudit;
            [Policy("brand-new")]
            public sealed class BrandNew : Policy
            {
                public override void Define() { }
            }
            """);
    }
}
