using NRules.Fluent.Dsl;
using Restaurant.Facts;

namespace PolicyAudit.Benchmarks.Decision;

/// <summary>
/// <see cref="ScaledPolicy"/> as a plain NRules rule, for the raw NRules baselines: the same conditions and reason,
/// yielding a <see cref="BaselineFiring"/>. Public so the generated classes (in a dynamic assembly) can derive from it.
/// </summary>
public abstract class ScaledRule : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        var spec = ScaledPolicySet.SpecOf(GetType());
        var id = spec.Id;
        var limit = spec.Limit;
        BillRequest bill = null!;
        CompRequest comp = null!;
        switch (spec.Shape)
        {
            case ScaledPolicyShape.Bill:
                When().Match(() => bill, b => b.Total > limit);
                Then().Yield(_ => new BaselineFiring(id, DecisionOutcome.RequireApproval, "A bill of " + bill.Total + ScaledPolicySpec.Over + limit));
                break;
            case ScaledPolicyShape.Comp:
                When().Match(() => comp, c => c.Value > limit);
                Then().Yield(_ => new BaselineFiring(id, DecisionOutcome.RequireApproval, "Comping " + comp.Item + " worth " + comp.Value + ScaledPolicySpec.Over + limit));
                break;
            default:
                var compLimit = limit / 10;
                When().Match(() => bill, b => b.Total > limit).Match(() => comp, c => c.Value > compLimit);
                Then().Yield(_ => new BaselineFiring(id, DecisionOutcome.RequireApproval, "A bill of " + bill.Total + " with a comp of " + comp.Value + ScaledPolicySpec.Over + limit));
                break;
        }
    }
}
