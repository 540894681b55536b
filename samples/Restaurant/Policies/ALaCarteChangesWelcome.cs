using PolicyAudit;
using Restaurant.Facts;

namespace Restaurant.Policies;

/// <summary>Dishes ordered à la carte may be changed; the kitchen cooks them to order.</summary>
[Policy("a-la-carte-changes-welcome", Title = "Changes to à la carte dishes are welcome", Owner = "head-chef", OverridableBy = StaffRole.Staff,
    Rationale = "À la carte dishes are cooked one by one, so swapping a side or a sauce holds nobody up.")]
public sealed class ALaCarteChangesWelcome : Policy
{
    /// <inheritdoc />
    public override void Define()
    {
        SubstitutionRequest request = null!;
        When().Match(() => request, r => r.Menu == Menu.ALaCarte, r => !r.Allergy);
        Then().Allow(() => request.Change + " in " + request.Dish + ", cooked to order");
    }
}
