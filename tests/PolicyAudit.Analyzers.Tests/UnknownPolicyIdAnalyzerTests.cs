using PolicyAudit.Analyzers.Tests.Infrastructure;
using PolicyAudit.Analyzers.Tests.Verifiers;
using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.UnknownPolicyIdAnalyzer>;

namespace PolicyAudit.Analyzers.Tests;

public sealed class UnknownPolicyIdAnalyzerTests
{
    private static VerifyCS.Test WithShop(string markup) => new()
    {
        TestCode = markup,
        TestState = { Sources = { ShopSources.Domain, ShopSources.Policies } },
    };

    [Fact]
    public async Task GovernedBy_MistypedId_IsReportedWithSuggestion()
    {
        var test = WithShop("""
            using PolicyAudit;
            public sealed class Parcel
            {
                [GovernedBy({|#0:"refund-windw"|})]
                public int Days { get; set; }
            }
            """);
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic().WithLocation(0).WithMessage(
            "No policy in this compilation or its references declares the id 'refund-windw'; did you mean 'refund-window'?"));

        // The code fix reads the suggestion from the diagnostic's properties.
        test.DiagnosticVerifier = (diagnostic, _, verifier) =>
            verifier.Equal("refund-window", diagnostic.Properties[UnknownPolicyIdAnalyzer.SuggestionProperty]);

        await test.RunAsync();
    }

    [Fact]
    public async Task GovernedBy_UnrelatedId_IsReportedWithoutSuggestion()
    {
        var test = WithShop("""
            using PolicyAudit;
            public sealed class Parcel
            {
                [GovernedBy(policyId: {|#0:"parking"|})]
                public int Days { get; set; }
            }
            """);
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic().WithLocation(0).WithMessage(
            "No policy in this compilation or its references declares the id 'parking'"));

        await test.RunAsync();
    }

    [Fact]
    public async Task PolicyIdParameter_OfPolicyAuditApi_IsChecked()
    {
        await WithShop("""
            using PolicyAudit;
            public static class Dashboard
            {
                private const string Typo = "goldperks";
                public static int Count(IOverrideHistory history) =>
                    history.CountOverrides([|"opened-good"|]) + history.CountOverrides(policyId: [|Typo|]) + history.CountOverrides("refund-window");
            }
            """).RunAsync();
    }

    [Fact]
    public async Task DeclaredIds_InSameCompilation_AreNotReported()
    {
        await WithShop("""
            using PolicyAudit;
            public sealed class Parcel
            {
                [GovernedBy("refund-window")]
                [GovernedBy("gold-perks")]
                public int Days { get; set; }
            }
            """).RunAsync();
    }

    [Fact]
    public async Task DeclaredIds_InReferencedAssembly_AreKnown()
    {
        var framework = TestFramework.Net100;
        var domain = framework.CompileReference("Shop.Domain", [ShopSources.Domain]);
        var policies = framework.CompileReference("Shop.Policies", [ShopSources.Policies], [domain]);

        await new VerifyCS.Test
        {
            TestCode = """
                using PolicyAudit;
                public sealed class Parcel
                {
                    [GovernedBy("refund-window")] public int Days { get; set; }
                    [GovernedBy([|"gold-perk"|])] public int Visits { get; set; }
                }
                """,
            TestState = { AdditionalReferences = { domain, policies } },
        }.RunAsync();
    }

    [Fact]
    public async Task AnyId_WhenNoPolicyIsVisible_IsNotReported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
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
        // The diagnostic lies in PolicyAudit.Governed.txt, on the policy id after the ';'.
        await new VerifyCS.Test
        {
            TestState =
            {
                Sources = { ShopSources.Domain, ShopSources.Policies },
                AdditionalFiles = { PolicyAuditTestSetup.GovernedList("P:System.DateTime.Hour;{|#0:refund-windo|}\n") },
                ExpectedDiagnostics =
                {
                    VerifyCS.Diagnostic().WithLocation(0).WithMessage(
                        "No policy in this compilation or its references declares the id 'refund-windo'; did you mean 'refund-window'?"),
                },
            },
        }.RunAsync();
    }

    [Fact]
    public async Task PolicyAttribute_DeclaringId_IsNotReported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using PolicyAudit;
            [Policy("brand-new")]
            public sealed class BrandNew : Policy
            {
                public override void Define() { }
            }
            """);
    }
}
