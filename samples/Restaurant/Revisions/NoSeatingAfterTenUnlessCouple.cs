using PolicyAudit;
using Restaurant.Facts;

namespace Restaurant.Revisions;

/// <summary>
/// The head chef's proposed revision of <c>no-seating-after-2200</c>, after the review suggested
/// <c>SeatingRequest.PartySize &lt;= 2</c>: staff kept seating late couples, who order mains only, so a party of two may
/// still be seated after ten. It is not in the running policy set; the program replays the evening against it before
/// anyone ships it.
/// </summary>
[Policy("no-seating-after-2200", Title = "No seating after 22:00", Owner = "head-chef", OverridableBy = StaffRole.Manager,
    Rationale = "The kitchen closes at 22:30; a party seated later would be rushed through dinner or keep the kitchen team past midnight. A couple ordering mains only is still seated.")]
public sealed class NoSeatingAfterTenUnlessCouple : Policy
{
    private static readonly TimeOnly LastSeating = new(22, 0);

    /// <inheritdoc />
    public override void Define()
    {
        SeatingRequest seating = null!;
        When().Match(() => seating, s => s.At > LastSeating && s.PartySize > 2);
        Then().Deny(() => "Party of " + seating.PartySize + " arrived at " + seating.At + ", after the last seating at 22:00");
    }
}
