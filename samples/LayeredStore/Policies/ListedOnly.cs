using LayeredStore.Domain;
using PolicyAudit;

namespace LayeredStore.Policies;

[Policy("listed-only", Title = "Only listed products are sold", Owner = "merchandising", OverridableBy = StaffRole.Supervisor,
        Rationale = "Drafts have no checked price yet; retired products may be recalled.")]
public sealed class ListedOnly : Policy
{
    public override void Define()
    {
        Product product = null!;
        When().Match(() => product, p => p.Status != ProductStatus.Listed);
        Then().Deny("This product is not on sale.");
    }
}
