using PolicyAudit;
using Restaurant.Facts;

namespace Restaurant.Policies;

/// <summary>Dishes of the tasting menu are served as the kitchen designed them, except for allergies.</summary>
[Policy("no-substitutions-tasting-menu", Title = "No substitutions on the tasting menu", Owner = "head-chef", OverridableBy = StaffRole.Supervisor,
    Rationale = "The tasting menu is cooked for the whole room in waves; changing one plate holds up the next course for every table. Allergies are always accommodated.")]
public sealed class NoSubstitutionsOnTastingMenu : Policy
{
    /// <inheritdoc />
    public override void Define()
    {
        SubstitutionRequest request = null!;
        When().Match(() => request, r => r.Menu == Menu.Tasting, r => !r.Allergy);
        Then().Deny(() => "No substitutions on the tasting menu: " + request.Change + " in " + request.Dish);
    }
}
