using PolicyAudit;
using Restaurant.Facts;

namespace Restaurant.Policies;

/// <summary>Taking a dessert off the bill needs a manager.</summary>
[Policy("comped-dessert-needs-manager", Title = "Comped desserts need a manager", Owner = "general-manager", OverridableBy = StaffRole.Manager,
    Rationale = "Comps are how we put right a mistake; the manager comes to the table so the guest hears the apology from someone who can fix the cause.")]
public sealed class CompedDessertNeedsManager : Policy
{
    /// <inheritdoc />
    public override void Define()
    {
        CompRequest comp = null!;
        When().Match(() => comp, c => c.Course == "dessert");
        Then().RequireApproval(() => "Comping " + comp.Item + " (" + comp.Cause + ") needs a manager");
    }
}
