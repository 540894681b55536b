using PolicyAudit;
using Restaurant.Facts;

namespace Restaurant.Policies;

/// <summary>A cake brought in is served for a fee per guest.</summary>
[Policy("cake-cutting-fee", Title = "Cake-cutting fee of 4 per guest", Owner = "pastry-chef", OverridableBy = StaffRole.Staff,
    Rationale = "Plating and serving a cake brought in takes the pastry section away from our own desserts for the whole party.")]
public sealed class CakeCuttingFee : Policy
{
    /// <inheritdoc />
    public override void Define()
    {
        OutsideCake cake = null!;
        When().Match(() => cake, c => c.WaiveFee);
        Then().Deny(() => "Cake-cutting fee of " + (cake.PartySize * 4) + " for the " + cake.Occasion + " cake");
    }
}
