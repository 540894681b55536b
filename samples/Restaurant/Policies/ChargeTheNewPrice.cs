using PolicyAudit;
using Restaurant.Facts;

namespace Restaurant.Policies;

/// <summary>After a price change, the new price is charged.</summary>
[Policy("charge-new-price", Title = "Charge the new price after a price change", Owner = "general-manager", OverridableBy = StaffRole.Supervisor,
    Rationale = "Our oysters now come from a certified sustainable farm and travel in reusable crates instead of polystyrene; the new price pays for it. Tell the guest the price changed before they order.")]
public sealed class ChargeTheNewPrice : Policy
{
    /// <inheritdoc />
    public override void Define()
    {
        PriceQuestion question = null!;
        When().Match(() => question, q => q.NewPrice > q.OldPrice);
        Then().Deny(() => question.Item + " costs " + question.NewPrice + " since " + question.ChangedOn + " (was " + question.OldPrice + "): " + question.WhyItChanged);
    }
}
