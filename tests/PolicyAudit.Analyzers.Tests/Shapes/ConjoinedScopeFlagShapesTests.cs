using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;
using VerifyGenerator = PolicyAudit.Analyzers.Tests.Verifiers.CSharpSourceGeneratorVerifier;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// Scope flags across a rule's patterns, as SimplCommerce's stock policy is written (docs/analyzer-evaluation.md): the
/// flag in the product's own <c>Match</c>, the threshold in the request's, reading the product it captured. The flag
/// was governed, so the app's stock bookkeeping (<c>if (item.Product.StockTrackingIsEnabled) ...</c>) was reported.
/// </summary>
public sealed class ConjoinedScopeFlagShapesTests
{
    /// <summary>The entities the policies below test; PA0006's tests declare them in a Domain project.</summary>
    internal const string Domain = """
        namespace Conjoined
        {
            public sealed class Product
            {
                public int Id { get; set; }
                public bool StockTrackingIsEnabled { get; set; }
                public int StockQuantity { get; set; }
            }

            public sealed class Customer
            {
                public bool IsVip { get; set; }
                public bool IsBlocked { get; set; }
            }

            public sealed class Order
            {
                public bool IsGift { get; set; }
                public decimal Total { get; set; }
            }

            public sealed class Warehouse
            {
                public bool IsOpen { get; set; }
                public bool IsBonded { get; set; }
                public bool IsFrozen { get; set; }
                public bool IsAudited { get; set; }
                public string? Manager { get; set; }
                public int Capacity { get; set; }
            }

            public sealed class OrderItem
            {
                public Product Product { get; set; } = new();
            }
        }
        """;

    private const string Policies = """
        using PolicyAudit;
        using Conjoined;

        namespace Conjoined.Policies
        {
            public sealed record AddToCartRequest(int ProductId, int Quantity);

            public sealed record Delivery(int Quantity);

            [Policy("stock-limit")]
            public sealed class StockLimit : Policy
            {
                public override void Define()
                {
                    Product product = null!;
                    AddToCartRequest request = null!;
                    When().Match(() => product, p => p.StockTrackingIsEnabled)
                          .Match(() => request, r => r.ProductId == product.Id && r.Quantity > product.StockQuantity);
                    Then().Deny("There are not enough items in stock.");
                }
            }

            [Policy("vip-discount")]
            public sealed class VipDiscount : Policy
            {
                public override void Define()
                {
                    Customer customer = null!;
                    Order order = null!;
                    When().Match(() => customer, c => c.IsVip).Match(() => order, o => o.Total > 100);
                    Then().Allow("VIPs get the discount on large orders.");
                }
            }

            [Policy("blocked-large-order")]
            public sealed class BlockedLargeOrder : Policy
            {
                public override void Define()
                {
                    Customer customer = null!;
                    Order order = null!;
                    When().Match(() => customer).Match(() => order, o => customer.IsBlocked && o.Total > 500);
                    Then().Deny("A blocked customer may not place a large order.");
                }
            }

            [Policy("gift-or-large")]
            public sealed class GiftOrLarge : Policy
            {
                public override void Define()
                {
                    Order order = null!;
                    When().Match(() => order, o => o.IsGift || o.Total > 50);
                    Then().RequireApproval("Gifts and large orders are checked by hand.");
                }
            }

            [Policy("open-warehouse")]
            public sealed class OpenWarehouse : Policy
            {
                public override void Define()
                {
                    Warehouse warehouse = null!;
                    Delivery delivery = null!;
                    When().Or(x => x.Match(() => warehouse, w => !w.IsOpen)
                                    .Match(() => delivery, d => d.Quantity > warehouse.Capacity));
                    Then().Deny("The warehouse cannot take this delivery.");
                }
            }

            [Policy("bonded-warehouse")]
            public sealed class BondedWarehouse : Policy
            {
                public override void Define()
                {
                    Warehouse warehouse = null!;
                    Delivery delivery = null!;
                    When().Match(() => warehouse, w => w.IsBonded)
                          .Match(() => delivery, d => warehouse.Manager == null && d.Quantity > 0);
                    Then().RequireApproval("A bonded warehouse needs a manager to sign for deliveries.");
                }
            }

            [Policy("frozen-overflow")]
            public sealed class FrozenOverflow : Policy
            {
                public override void Define()
                {
                    Warehouse warehouse = null!;
                    When().Match(() => warehouse, w => w.IsFrozen).Exists<Delivery>(d => d.Quantity > warehouse.Capacity);
                    Then().Deny("A frozen warehouse cannot take an oversized delivery.");
                }
            }

            [Policy("audit-quiet")]
            public sealed class AuditQuiet : Policy
            {
                public override void Define()
                {
                    Warehouse warehouse = null!;
                    When().Match(() => warehouse, w => w.IsAudited).Not<Delivery>(d => d.Quantity > warehouse.Capacity);
                    Then().Allow("An audit may start when no oversized delivery is pending.");
                }
            }
        }
        """;

    /// <summary>
    /// StockTrackingIsEnabled is absent (it scopes the product's own threshold in the request's pattern), and so is
    /// IsFrozen (the threshold is in an Exists, which must hold too); IsVip and IsBlocked stay (the threshold is the
    /// order's, in another pattern or in the same lambda), IsGift stays (an alternative to the threshold), IsOpen
    /// stays (an alternative in an Or group), IsAudited stays (the threshold is negated by Not), IsBonded stays (the
    /// warehouse is only null-checked, a guard no check is reported for).
    /// </summary>
    private const string GeneratedForPolicies = """
        // <auto-generated/>
        // Members governed by this assembly's policies, for the PolicyAudit analyzer in referencing projects.
        [assembly: global::PolicyAudit.GovernedMember("P:Conjoined.Customer.IsBlocked", "blocked-large-order", Conditions = "==true")]
        [assembly: global::PolicyAudit.GovernedMember("P:Conjoined.Customer.IsVip", "vip-discount", Conditions = "==true")]
        [assembly: global::PolicyAudit.GovernedMember("P:Conjoined.Order.IsGift", "gift-or-large", Conditions = "==true")]
        [assembly: global::PolicyAudit.GovernedMember("P:Conjoined.Order.Total", "blocked-large-order", Conditions = ">500")]
        [assembly: global::PolicyAudit.GovernedMember("P:Conjoined.Order.Total", "gift-or-large", Conditions = ">50")]
        [assembly: global::PolicyAudit.GovernedMember("P:Conjoined.Order.Total", "vip-discount", Conditions = ">100")]
        [assembly: global::PolicyAudit.GovernedMember("P:Conjoined.Policies.AddToCartRequest.Quantity", "stock-limit", Conditions = ">")]
        [assembly: global::PolicyAudit.GovernedMember("P:Conjoined.Policies.Delivery.Quantity", "audit-quiet", Conditions = ">")]
        [assembly: global::PolicyAudit.GovernedMember("P:Conjoined.Policies.Delivery.Quantity", "bonded-warehouse", Conditions = ">0")]
        [assembly: global::PolicyAudit.GovernedMember("P:Conjoined.Policies.Delivery.Quantity", "frozen-overflow", Conditions = ">")]
        [assembly: global::PolicyAudit.GovernedMember("P:Conjoined.Policies.Delivery.Quantity", "open-warehouse", Conditions = ">")]
        [assembly: global::PolicyAudit.GovernedMember("P:Conjoined.Product.StockQuantity", "stock-limit", Conditions = "<")]
        [assembly: global::PolicyAudit.GovernedMember("P:Conjoined.Warehouse.Capacity", "audit-quiet", Conditions = "<")]
        [assembly: global::PolicyAudit.GovernedMember("P:Conjoined.Warehouse.Capacity", "frozen-overflow", Conditions = "<")]
        [assembly: global::PolicyAudit.GovernedMember("P:Conjoined.Warehouse.Capacity", "open-warehouse", Conditions = "<")]
        [assembly: global::PolicyAudit.GovernedMember("P:Conjoined.Warehouse.IsAudited", "audit-quiet", Conditions = "==true")]
        [assembly: global::PolicyAudit.GovernedMember("P:Conjoined.Warehouse.IsBonded", "bonded-warehouse", Conditions = "==true")]
        [assembly: global::PolicyAudit.GovernedMember("P:Conjoined.Warehouse.IsOpen", "open-warehouse", Conditions = "==false")]
        [assembly: global::PolicyAudit.GovernedMember("P:Conjoined.Warehouse.Manager", "bonded-warehouse", Conditions = "==null&IsBonded")]

        """;

    private static Task VerifyAsync(string markup) => VerifyCS.VerifyBesideAsync(markup, Domain, Policies);

    [Fact]
    public async Task Generate_FlagInOnePatternThresholdOfSameFactInAnother_CarriesTheThresholdNotTheFlag()
    {
        await VerifyGenerator.VerifyGeneratedAsync(GeneratedForPolicies, Domain, Policies);
    }

    [Fact]
    public async Task ScopeFlagOfAnotherPattern_StockBookkeeping_IsNotReported()
    {
        await VerifyAsync("""
            using Conjoined;
            public static class OrderService
            {
                public static void Ship(OrderItem item, int quantity)
                {
                    if (item.Product.StockTrackingIsEnabled) item.Product.StockQuantity -= quantity;
                }

                public static string Label(Warehouse warehouse) => warehouse.IsFrozen ? "frozen" : "ambient";
            }
            """);
    }

    [Fact]
    public async Task ScopeFlagOfAnotherPattern_CheckCopyingTheWholeCondition_IsReportedThroughTheThreshold()
    {
        await VerifyAsync("""
            using Conjoined;
            public static class Cart
            {
                public static string Add(Product p, int q)
                {
                    if (p.StockTrackingIsEnabled && [|q > p.StockQuantity|]) return "not enough stock";
                    return "added";
                }
            }
            """);
    }

    [Fact]
    public async Task FlagBesideThresholdOfAnotherFactInOrGroupOrNot_UsedAsCondition_IsReported()
    {
        await VerifyAsync("""
            using Conjoined;
            public static class Desk
            {
                public static decimal Discount(Customer customer) => [|customer.IsVip|] ? 0.1m : 0m;

                public static bool MayOrder(Customer customer, Order order) => [|!customer.IsBlocked|] && [|!order.IsGift|];

                public static string Receive(Warehouse warehouse)
                {
                    if ([|!warehouse.IsOpen|]) return "closed";
                    if ([|warehouse.IsBonded|]) return "customs";
                    if ([|warehouse.IsAudited|]) return "audit";
                    return "received";
                }
            }
            """);
    }
}
