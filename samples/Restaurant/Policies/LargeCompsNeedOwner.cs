using PolicyAudit;
using Restaurant.Facts;

namespace Restaurant.Policies;

/// <summary>Any comp worth more than 80 needs the owner.</summary>
[Policy("large-comps-need-owner", Title = "Comps over 80 need the owner", Owner = "owner", OverridableBy = StaffRole.Owner,
    Rationale = "A large comp usually means something went badly wrong; the owner wants to hear about it the same evening.")]
public sealed class LargeCompsNeedOwner : Policy
{
    private const decimal Limit = 80m;

    /// <inheritdoc />
    public override void Define()
    {
        CompRequest comp = null!;
        When().Match(() => comp, c => c.Value > Limit);
        Then().RequireApproval(() => "Comping " + comp.Item + " worth " + comp.Value + " is over the limit of 80");
    }
}
