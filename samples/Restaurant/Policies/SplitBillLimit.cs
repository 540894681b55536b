using PolicyAudit;
using Restaurant.Facts;

namespace Restaurant.Policies;

/// <summary>Bills are split at most four ways.</summary>
[Policy("split-bill-limit", Title = "Bills split at most four ways", Owner = "front-of-house", OverridableBy = StaffRole.Staff,
    Rationale = "Each split ties up the card terminal and the server; beyond four ways the next table waits for its own bill.")]
public sealed class SplitBillLimit : Policy
{
    /// <inheritdoc />
    public override void Define()
    {
        BillRequest bill = null!;
        When().Match(() => bill, b => b.SplitWays > 4);
        Then().Deny(() => "Splitting " + bill.SplitWays + " ways is over the limit of 4");
    }
}
