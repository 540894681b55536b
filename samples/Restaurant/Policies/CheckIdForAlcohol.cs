using PolicyAudit;
using Restaurant.Facts;

namespace Restaurant.Policies;

/// <summary>No alcohol without an ID showing the guest is 21 or over. The law: nobody can override it.</summary>
[Policy("no-alcohol-under-21", Title = "No alcohol under 21", Owner = "general-manager", OverridableBy = StaffRole.Nobody,
    Rationale = "It is the law, and our licence depends on it; we ask everyone who looks under 30.")]
public sealed class CheckIdForAlcohol : Policy
{
    /// <inheritdoc />
    public override void Define()
    {
        AlcoholOrder order = null!;
        When().Match(() => order, o => o.IdChecked, o => o.Age < 21);
        Then().Deny(() => "The guest is " + order.Age + "; " + order.Drink + " cannot be served");
    }
}
