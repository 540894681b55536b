using Microsoft.CodeAnalysis.Testing;
using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// Measured on OrchardCore.Commerce (docs/analyzer-evaluation.md, seventh round): policies over a value held in a
/// shared field type or value object (<c>i.MaximumOrderQuantity.Value</c>, <c>NumericField.Value</c>). The policy
/// governs the value held by that property, not every value of the same type (tax rates, prices); a value reached
/// through a local or parameter may be it and is still reported.
/// </summary>
public sealed class HolderPathShapesTests
{
    private const string Domain = """
        namespace Commerce
        {
            public sealed class NumericField
            {
                public decimal? Value { get; set; }
            }

            public sealed class InventoryPart
            {
                public NumericField MaximumOrderQuantity { get; set; } = new();
                public NumericField TaxRate { get; set; } = new();
            }

            public sealed class CartLine
            {
                public int Quantity { get; set; }
            }
        }
        """;

    private const string Policies = """
        using PolicyAudit;
        using Commerce;
        namespace Commerce.Policies
        {
            [Policy("order-quantity-maximum")]
            public sealed class OrderQuantityMaximum : Policy
            {
                public override void Define()
                {
                    InventoryPart inventory = null!;
                    CartLine line = null!;
                    When().Match(() => inventory).Match(() => line, l => l.Quantity > inventory.MaximumOrderQuantity.Value);
                    Then().Deny("Too many of one product.");
                }
            }
        }
        """;

    private static Task VerifyAsync(string markup, params DiagnosticResult[] expected) => VerifyCS.VerifyBesideAsync(markup, [Domain, Policies], expected);

    [Fact]
    public async Task HeldValueReadThroughThePolicysProperty_IsReported()
    {
        await VerifyAsync("""
            using Commerce;
            public static class Cart
            {
                public static void Add(InventoryPart part, int quantity)
                {
                    if ({|#0:quantity > part.MaximumOrderQuantity.Value|})
                    {
                        throw new System.InvalidOperationException("too many");
                    }
                }

                public static bool Fits(NumericField maximum, int quantity) => {|#1:quantity <= maximum.Value|};
            }
            """,
            VerifyCS.Expected(0, "quantity > part.MaximumOrderQuantity.Value", "policy 'order-quantity-maximum'"),
            VerifyCS.Expected(1, "quantity <= maximum.Value", "policy 'order-quantity-maximum'"));
    }

    [Fact]
    public async Task SameHolderTypeThroughAnotherProperty_IsNotReported()
    {
        await VerifyAsync("""
            using Commerce;
            public static class Tax
            {
                public static decimal Apply(InventoryPart part, decimal price) =>
                    part.TaxRate.Value > 0 ? price * (1 + part.TaxRate.Value.Value) : price;

                public static bool AboveRate(InventoryPart part, decimal rate) => rate > part.TaxRate.Value;

                public static bool AboveLimit(InventoryPart part, decimal rate)
                {
                    var tax = part.TaxRate.Value;
                    return rate > tax;
                }
            }
            """);
    }
}
