using PolicyAudit;
using Restaurant.Facts;

namespace Restaurant.Policies;

/// <summary>A change for an allergy is always made, on any menu.</summary>
[Policy("allergies-always-accommodated", Title = "Allergies are always accommodated", Owner = "head-chef", OverridableBy = StaffRole.Manager,
    Rationale = "A guest's health comes before the menu; the kitchen keeps an allergen sheet for every dish.")]
public sealed class AllergiesAlwaysAccommodated : Policy
{
    /// <inheritdoc />
    public override void Define()
    {
        SubstitutionRequest request = null!;
        When().Match(() => request, r => r.Allergy);
        Then().Allow(() => "Allergy change for " + request.Dish + ": " + request.Change);
    }
}
