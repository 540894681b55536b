using PolicyAudit;

namespace AnalyzerHost.Policies;

[Policy("opened-goods", Title = "Opened goods need a supervisor", Owner = "store-operations", OverridableBy = StaffRole.Supervisor,
        Rationale = "Opened goods are sold again at a discount, so a supervisor checks their condition.")]
public sealed class OpenedGoods : Policy
{
    public override void Define()
    {
        Order order = null!;
        When().Match(() => order, o => o.IsOpened);
        Then().RequireApproval("Opened goods are refunded once a supervisor has checked them.");
    }
}
