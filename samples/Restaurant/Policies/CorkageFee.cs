using PolicyAudit;
using Restaurant.Facts;

namespace Restaurant.Policies;

/// <summary>A bottle brought in is opened for a corkage fee.</summary>
[Policy("corkage-fee", Title = "Corkage fee on bottles brought in", Owner = "sommelier", OverridableBy = StaffRole.Supervisor,
    Rationale = "The corkage fee pays for the glassware, the decanting and the sommelier's time, which the wine list otherwise pays for.")]
public sealed class CorkageFee : Policy
{
    /// <inheritdoc />
    public override void Define()
    {
        BroughtBottle bottle = null!;
        When().Match(() => bottle, b => b.CorkageWaiverRequested);
        Then().Deny(() => "Corkage of 30 applies to " + bottle.Wine);
    }
}
