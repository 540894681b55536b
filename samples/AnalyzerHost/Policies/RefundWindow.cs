using PolicyAudit;

namespace AnalyzerHost.Policies;

[Policy("refund-window", Title = "Refunds within 30 days", Owner = "store-operations", OverridableBy = StaffRole.Supervisor,
        Rationale = "Goods returned after a month can rarely be sold again, which keeps prices down for everyone.")]
public sealed class RefundWindow : Policy
{
    public override void Define()
    {
        Order order = null!;
        When().Match(() => order, o => o.DaysSincePurchase > 30);
        Then().Deny("Refunds are accepted within 30 days of purchase.");
    }
}
