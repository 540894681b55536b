using PolicyAudit;
using Restaurant.Facts;

namespace Restaurant.Policies;

/// <summary>The kitchen takes no orders after 22:30.</summary>
[Policy("kitchen-closes-2230", Title = "Kitchen closes at 22:30", Owner = "head-chef", OverridableBy = StaffRole.Manager,
    Rationale = "The line is cleaned and the stock counted after 22:30 so tomorrow's lunch starts on time.")]
public sealed class KitchenClosesAt2230 : Policy
{
    private static readonly TimeOnly LastOrders = new(22, 30);

    /// <inheritdoc />
    public override void Define()
    {
        KitchenOrder order = null!;
        When().Match(() => order, o => o.At > LastOrders);
        Then().Deny(() => order.Dishes + " dishes ordered at " + order.At + ", after last orders at 22:30");
    }
}
