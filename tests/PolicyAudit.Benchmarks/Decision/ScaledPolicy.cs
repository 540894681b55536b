using Restaurant.Facts;

namespace PolicyAudit.Benchmarks.Decision;

/// <summary>
/// The template of the generated policies of the scaled decision benchmark: a limit on a bill's total or on a comp's
/// value, read from <see cref="ScaledPolicySet"/> by the generated class's type. Public so the generated classes (in a
/// dynamic assembly) can derive from it.
/// </summary>
public abstract class ScaledPolicy : Policy
{
    /// <inheritdoc />
    public override void Define()
    {
        var spec = ScaledPolicySet.SpecOf(GetType());
        var limit = spec.Limit;
        if (spec.OnBill)
        {
            BillRequest bill = null!;
            When().Match(() => bill, b => b.Total > limit);
            Then().RequireApproval(() => "A bill of " + bill.Total + " is over the limit of " + limit);
        }
        else
        {
            CompRequest comp = null!;
            When().Match(() => comp, c => c.Value > limit);
            Then().RequireApproval(() => "Comping " + comp.Item + " worth " + comp.Value + " is over the limit of " + limit);
        }
    }
}
