using LayeredStore.Domain;
using PolicyAudit;

namespace LayeredStore.Policies;

[Policy("bulk-order", Title = "Bulk orders need a supervisor", Owner = "sales", OverridableBy = StaffRole.Supervisor,
        Rationale = "Large quantities empty the shelf for everyone else.")]
public sealed class BulkOrder : Policy
{
    public override void Define()
    {
        OrderLine line = null!;
        // PA0006: OrderLine.Quantity is declared in LayeredStore.Domain without [GovernedBy("bulk-order")].
        When().Match(() => line, l => l.Quantity > 10);
        Then().RequireApproval("More than ten of one product needs a supervisor.");
    }
}
