using PolicyAudit;
using Restaurant.Facts;

namespace Restaurant.Policies;

/// <summary>We do not open a bottle brought in when the same wine is on our list.</summary>
[Policy("no-outside-bottles-from-our-list", Title = "No outside bottles of wines on our list", Owner = "sommelier", OverridableBy = StaffRole.Manager,
    Rationale = "Corkage is for the special bottle from home; a wine we stock was chosen, bought and cellared for our guests.")]
public sealed class NoOutsideBottlesFromOurList : Policy
{
    /// <inheritdoc />
    public override void Define()
    {
        BroughtBottle bottle = null!;
        When().Match(() => bottle, b => b.OnOurList);
        Then().Deny(() => bottle.Wine + " is on our wine list");
    }
}
