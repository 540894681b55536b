using PolicyAudit;
using Restaurant.Facts;

namespace Restaurant.Policies;

/// <summary>A guest who questions a price that rose by more than a fifth is answered by a manager.</summary>
[Policy("steep-price-rises-need-manager", Title = "Price rises over 20% are explained by a manager", Owner = "general-manager", OverridableBy = StaffRole.Manager,
    Rationale = "A steep rise surprises regulars; a manager explains what changed and may offer the old price once, so the guest hears it from someone who decided it.")]
public sealed class SteepPriceRisesNeedManager : Policy
{
    private const decimal SteepRise = 1.2m;

    /// <inheritdoc />
    public override void Define()
    {
        PriceQuestion question = null!;
        When().Match(() => question, q => q.NewPrice > q.OldPrice * SteepRise);
        Then().RequireApproval(() => question.Item + " rose from " + question.OldPrice + " to " + question.NewPrice + "; a manager explains the change");
    }
}
