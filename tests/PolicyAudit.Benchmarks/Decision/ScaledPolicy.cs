using Restaurant.Facts;

namespace PolicyAudit.Benchmarks.Decision;

/// <summary>
/// The template of the generated policies of the scaled benchmarks, read from <see cref="ScaledPolicySet"/> by the
/// generated class's type. Public so the generated classes (in a dynamic assembly) can derive from it.
/// <see cref="ScaledRule"/> is the same rule without PolicyAudit; keep the two in step.
/// </summary>
public abstract class ScaledPolicy : Policy
{
    /// <inheritdoc />
    public override void Define()
    {
        var spec = ScaledPolicySet.SpecOf(GetType());
        var limit = spec.Limit;
        BillRequest bill = null!;
        CompRequest comp = null!;
        switch (spec.Shape)
        {
            case ScaledPolicyShape.Bill:
                When().Match(() => bill, b => b.Total > limit);
                Then().RequireApproval(() => "A bill of " + bill.Total + ScaledPolicySpec.Over + limit);
                break;
            case ScaledPolicyShape.Comp:
                When().Match(() => comp, c => c.Value > limit);
                Then().RequireApproval(() => "Comping " + comp.Item + " worth " + comp.Value + ScaledPolicySpec.Over + limit);
                break;
            default:
                var compLimit = limit / 10;
                When().Match(() => bill, b => b.Total > limit).Match(() => comp, c => c.Value > compLimit);
                Then().RequireApproval(() => "A bill of " + bill.Total + " with a comp of " + comp.Value + ScaledPolicySpec.Over + limit);
                break;
        }
    }
}
