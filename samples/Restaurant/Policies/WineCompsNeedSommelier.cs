using PolicyAudit;
using Restaurant.Facts;

namespace Restaurant.Policies;

/// <summary>Taking wine off the bill needs the sommelier's approval.</summary>
[Policy("wine-comps-need-sommelier", Title = "Comped wine needs the sommelier", Owner = "sommelier", OverridableBy = StaffRole.Supervisor,
    Rationale = "A corked or faulty bottle is replaced, not comped; the sommelier tastes it, and the supplier refunds us for a faulty one.")]
public sealed class WineCompsNeedSommelier : Policy
{
    /// <inheritdoc />
    public override void Define()
    {
        CompRequest comp = null!;
        When().Match(() => comp, c => c.Course == "wine");
        Then().RequireApproval(() => "Comping " + comp.Item + " (" + comp.Cause + ") needs the sommelier to taste the bottle");
    }
}
