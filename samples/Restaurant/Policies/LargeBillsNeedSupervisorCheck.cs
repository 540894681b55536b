using PolicyAudit;
using Restaurant.Facts;

namespace Restaurant.Policies;

/// <summary>A bill over 2,000 is checked by a supervisor before it is presented.</summary>
[Policy("large-bills-need-supervisor-check", Title = "Bills over 2,000 are checked by a supervisor", Owner = "general-manager", OverridableBy = StaffRole.Supervisor,
    Rationale = "A mistake on a large bill costs the guest or us a great deal; a second pair of eyes catches a bottle rung up twice before the guest has to.")]
public sealed class LargeBillsNeedSupervisorCheck : Policy
{
    private const decimal Limit = 2000m;

    /// <inheritdoc />
    public override void Define()
    {
        BillRequest bill = null!;
        When().Match(() => bill, b => b.Total > Limit);
        Then().RequireApproval(() => "A bill of " + bill.Total + " for " + bill.PartySize + " guests is checked by a supervisor first");
    }
}
