using PolicyAudit;
using Restaurant.Facts;

namespace Restaurant.Policies;

/// <summary>An order of more than two dozen dishes after 21:45 needs the head chef's yes.</summary>
[Policy("late-large-orders-need-chef", Title = "Orders of over 24 dishes after 21:45 need the chef", Owner = "head-chef", OverridableBy = StaffRole.Manager,
    Rationale = "By a quarter to ten half the line is cleaning down; a large order then is cooked by fewer hands, and the chef decides whether it can be done well.")]
public sealed class LateLargeOrdersNeedChef : Policy
{
    private static readonly TimeOnly LateService = new(21, 45);

    /// <inheritdoc />
    public override void Define()
    {
        KitchenOrder order = null!;
        When().Match(() => order, o => o.Dishes > 24, o => o.At > LateService);
        Then().RequireApproval(() => order.Dishes + " dishes at " + order.At + " need the head chef, with half the line cleaning down");
    }
}
