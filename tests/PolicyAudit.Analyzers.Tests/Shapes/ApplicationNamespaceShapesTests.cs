using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PolicyAudit.Analyzers.Tests.Verifiers;
using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// Measured on eShopOnWeb (docs/analyzer-evaluation.md): an application whose own namespaces start with
/// <c>Microsoft.</c> (<c>Microsoft.eShopWeb.ApplicationCore</c>). Its members are the business's, not the framework's,
/// so policies govern them; the framework's own members under that root stay ungoverned.
/// </summary>
public sealed class ApplicationNamespaceShapesTests
{
    private const string Domain = """
        namespace Microsoft.eShopWeb.ApplicationCore.Entities
        {
            public sealed class CatalogItem
            {
                public decimal Price { get; set; }
                public string Name { get; set; } = "";
            }
        }
        """;

    private const string Policies = """
        using Microsoft.eShopWeb.ApplicationCore.Entities;
        using PolicyAudit;
        namespace Microsoft.eShopWeb.Policies
        {
            [Policy("priced-items-only")]
            public sealed class PricedItemsOnly : Policy
            {
                public override void Define()
                {
                    CatalogItem item = null!;
                    When().Match(() => item, i => i.Price <= 0);
                    Then().Deny("An item without a price cannot be sold.");
                }
            }
        }
        """;

    [Fact]
    public async Task MemberOfAnApplicationUnderTheMicrosoftRoot_IsGovernedAndReported()
    {
        await VerifyCS.VerifyBesideAsync("""
            using Microsoft.eShopWeb.ApplicationCore.Entities;
            public static class Checkout
            {
                public static void Add(CatalogItem item)
                {
                    if ({|#0:item.Price <= 0|})
                    {
                        throw new System.InvalidOperationException("no price");
                    }
                }
            }
            """,
            [Domain, Policies],
            VerifyCS.Expected(0, "item.Price <= 0", "policy 'priced-items-only'"));
    }

    [Fact]
    public void IsFramework_UnsignedApplicationAssemblyUnderTheMicrosoftRoot_IsNotFramework()
    {
        var framework = TestFramework.Net100.Runtime;
        var applicationCore = CSharpCompilation.Create("ApplicationCore", [CSharpSyntaxTree.ParseText(Domain)], framework, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        Assert.True(applicationCore.Emit(image).Success);
        var web = CSharpCompilation.Create("Web", [], framework.Append(MetadataReference.CreateFromImage(image.ToArray())));

        var price = web.GetTypeByMetadataName("Microsoft.eShopWeb.ApplicationCore.Entities.CatalogItem")!.GetMembers("Price").Single();
        var count = web.GetSpecialType(SpecialType.System_Collections_Generic_IList_T).GetMembers().First();
        var logger = web.GetTypeByMetadataName("Microsoft.Extensions.Logging.ILogger");

        Assert.False(PolicyAuditTypes.IsFramework(price));
        Assert.True(PolicyAuditTypes.IsFramework(count));
        Assert.True(logger is null || PolicyAuditTypes.IsFramework(logger));
    }
}
