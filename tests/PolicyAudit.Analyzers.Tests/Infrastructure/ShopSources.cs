namespace PolicyAudit.Analyzers.Tests.Infrastructure;

/// <summary>A small shop domain and its policies, shared by the analyzer tests.</summary>
internal static class ShopSources
{
    public const string Domain = """
        namespace Shop
        {
            public enum CustomerTier { None, Silver, Gold }

            public sealed class Customer
            {
                public CustomerTier Tier { get; set; }
                public int Visits { get; set; }
            }

            public sealed class Order
            {
                public int DaysSincePurchase { get; set; }
                public decimal Total { get; set; }
                public bool IsOpened { get; set; }
                public Customer Customer { get; set; } = new();
                public int ItemCount;
            }

            public sealed class Booking
            {
                public int DaysSincePurchase { get; set; }
                public int Guests { get; set; }
            }
        }
        """;

    public const string Policies = """
        using PolicyAudit;
        using Shop;

        namespace Shop.Policies
        {
            [Policy("refund-window", Title = "Refunds within 30 days")]
            public sealed class RefundWindowPolicy : Policy
            {
                public override void Define()
                {
                    Order order = null!;
                    When().Match<Order>(() => order, o => o.DaysSincePurchase > 30);
                    Then().Deny("Refunds are accepted within 30 days of purchase.");
                }
            }

            [Policy("opened-goods")]
            public sealed class OpenedGoodsPolicy : Policy
            {
                public override void Define()
                {
                    Order order = null!;
                    When().Match<Order>(() => order, o => o.IsOpened);
                    Then().RequireApproval("Opened goods need a supervisor.");
                }
            }

            [Policy("gold-perks")]
            public sealed class GoldPerksPolicy : Policy
            {
                public override void Define()
                {
                    Customer customer = null!;
                    When().Match<Customer>(() => customer, c => c.Tier == CustomerTier.Gold, c => c.Visits > 10);
                    Then().Allow("Gold customers keep their perks.");
                }
            }
        }
        """;
}
