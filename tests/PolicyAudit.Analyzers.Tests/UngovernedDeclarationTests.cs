using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using PolicyAudit.Analyzers.CodeFixes;
using PolicyAudit.Analyzers.Tests.Infrastructure;

namespace PolicyAudit.Analyzers.Tests;

/// <summary>PA0006 and its fix: Domain ← Policies ← App, where the Domain project must know what its policies govern.</summary>
public sealed class UngovernedDeclarationTests
{
    private const string Rule = "PA0006";

    private const string Domain = """
        using PolicyAudit;
        namespace Store
        {
            public sealed class Product
            {
                public int Stock { get; set; }

                [GovernedBy("sold-out")]
                public int Reserved { get; set; }

                [GovernedBy("other-policy")]
                public int Capacity { get; set; }

                public string Name { get; set; } = "";
            }
        }
        """;

    [Fact]
    public async Task Condition_TestsUnmarkedMemberOfReferencedProject_IsReported()
    {
        var domain = TestCompilations.CompileReferencedAssembly("Store.Domain", Domain);

        var diagnostics = await AnalyzerVerifier.VerifyAsync(Rule, """
            using PolicyAudit;
            using Store;
            [Policy("sold-out")]
            public sealed class SoldOut : Policy
            {
                public override void Define()
                {
                    Product product = null!;
                    When().Match(() => product, p => [|p.Stock == 0|], p => p.Reserved > 5, p => [|p.Capacity < 10|]);
                    Then().Deny("Sold out.");
                }
            }
            """,
            references: [domain]);

        Assert.Equal(
            "Policy 'sold-out' tests 'Product.Stock', but 'Store.Domain' does not know it is governed; mark the member [GovernedBy(\"sold-out\")] so that checks in 'Store.Domain' are reported",
            diagnostics.OrderBy(d => d.Location.SourceSpan.Start).First().GetMessage());
    }

    [Fact]
    public async Task Condition_MarkedMemberSameCompilationFrameworkOrOutsideCondition_IsNotReported()
    {
        var domain = TestCompilations.CompileReferencedAssembly("Store.Domain", Domain);

        await AnalyzerVerifier.VerifyAsync(Rule, """
            using System.Collections.Generic;
            using PolicyAudit;
            using Store;
            public sealed class Basket { public int Lines { get; set; } }

            [Policy("sold-out")]
            public sealed class SoldOut : Policy
            {
                public override void Define()
                {
                    Product product = null!;
                    Basket basket = null!;
                    List<int> list = null!;
                    When().Match(() => product, p => p.Reserved > 5)
                        .Match(() => basket, b => b.Lines > 3)
                        .Match(() => list, l => l.Count > 2);
                    Then().Deny(() => "Sold out: " + product.Name);
                }

                public static bool Helper(Product product) => product.Stock > 3;
            }
            """,
            references: [domain]);
    }

    [Fact]
    public async Task Condition_InsideQueryWhere_IsReportedOnce()
    {
        var domain = TestCompilations.CompileReferencedAssembly("Store.Domain", Domain);

        await AnalyzerVerifier.VerifyAsync(Rule, """
            using System.Collections.Generic;
            using NRules.Fluent.Dsl;
            using PolicyAudit;
            using Store;
            [Policy("sold-out")]
            public sealed class SoldOut : Policy
            {
                public override void Define()
                {
                    IEnumerable<Product> empty = null!;
                    When().Query(() => empty, q => q.Match<Product>().Where(p => [|p.Stock == 0|]).Collect());
                    Then().Deny("Sold out.");
                }
            }
            """,
            references: [domain]);
    }

    [Fact]
    public async Task Fix_MarksMemberInDeclaringProject_AndCheckThereIsThenReported()
    {
        using var workspace = new AdhocWorkspace();
        var domainId = ProjectId.CreateNewId();
        var policiesId = ProjectId.CreateNewId();
        var domainSource = """
            using PolicyAudit;
            namespace Store
            {
                public sealed class Product
                {
                    /// <summary>Units on the shelf.</summary>
                    public int Stock { get; set; }

                    public void Take()
                    {
                        if (Stock == 0) throw new System.InvalidOperationException("sold out");
                    }
                }
            }
            """;
        var policiesSource = """
            using PolicyAudit;
            using Store;
            [Policy("sold-out")]
            public sealed class SoldOut : Policy
            {
                public override void Define()
                {
                    Product product = null!;
                    When().Match(() => product, p => p.Stock == 0);
                    Then().Deny("Sold out.");
                }
            }
            """;
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(domainId, VersionStamp.Create(), "Store.Domain", "Store.Domain", LanguageNames.CSharp)
                .WithCompilationOptions(TestCompilations.Options).WithParseOptions(TestCompilations.ParseOptions)
                .WithMetadataReferences(TestCompilations.DefaultReferences))
            .AddDocument(DocumentId.CreateNewId(domainId), "Product.cs", SourceText.From(domainSource), filePath: "/src/Domain/Product.cs")
            .AddProject(ProjectInfo.Create(policiesId, VersionStamp.Create(), "Store.Policies", "Store.Policies", LanguageNames.CSharp)
                .WithCompilationOptions(TestCompilations.Options).WithParseOptions(TestCompilations.ParseOptions)
                .WithMetadataReferences(TestCompilations.DefaultReferences)
                .WithProjectReferences([new ProjectReference(domainId)]))
            .AddDocument(DocumentId.CreateNewId(policiesId), "SoldOut.cs", SourceText.From(policiesSource), filePath: "/src/Policies/SoldOut.cs");
        Assert.True(workspace.TryApplyChanges(solution));
        var policies = workspace.CurrentSolution.GetProject(policiesId)!;
        var domainBefore = await workspace.CurrentSolution.GetProject(domainId)!.GetCompilationAsync();
        Assert.DoesNotContain(await AnalyzerVerifier.AnalyzeAsync(domainBefore!, []), d => d.Id == "PA0001");

        var diagnostic = Assert.Single(await AnalyzerVerifier.AnalyzeAsync((await policies.GetCompilationAsync())!, []), d => d.Id == Rule);
        var actions = new List<CodeAction>();
        var document = policies.Documents.Single();
        await new UngovernedDeclarationCodeFixProvider().RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), CancellationToken.None));
        var operation = Assert.Single((await Assert.Single(actions).GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>());
        var fixedDomain = operation.ChangedSolution.GetProject(domainId)!;

        Assert.Equal(
            domainSource.Replace("        public int Stock", "        [GovernedBy(\"sold-out\", Conditions = \"==0\")]\n        public int Stock", StringComparison.Ordinal).ReplaceLineEndings("\n"),
            (await fixedDomain.Documents.Single().GetTextAsync()).ToString().ReplaceLineEndings("\n"));
        var domainAfter = await fixedDomain.GetCompilationAsync();
        var found = await AnalyzerVerifier.AnalyzeAsync(domainAfter!, []);
        Assert.Contains(found, d => d.Id == "PA0001" && d.GetMessage().StartsWith("'Stock == 0' hard-codes policy 'sold-out'", StringComparison.Ordinal));
        var policiesAfter = await operation.ChangedSolution.GetProject(policiesId)!.GetCompilationAsync();
        Assert.DoesNotContain(await AnalyzerVerifier.AnalyzeAsync(policiesAfter!, []), d => d.Id == Rule);
    }
}
