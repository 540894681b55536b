using LayeredStore.Domain;
using PolicyAudit;

namespace LayeredStore.Policies;

[Policy("sold-out", Title = "No sale from an empty shelf", Owner = "store-operations", OverridableBy = StaffRole.Manager,
        Rationale = "Selling what is not on the shelf promises a customer something we cannot hand over.")]
public sealed class SoldOut : Policy
{
    public override void Define()
    {
        Product product = null!;
        When().Match(() => product, p => p.Stock == 0);
        Then().Deny("This product is sold out.");
    }
}
