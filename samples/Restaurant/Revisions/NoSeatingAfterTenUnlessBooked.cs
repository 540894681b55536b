using PolicyAudit;
using Restaurant.Facts;

namespace Restaurant.Revisions;

/// <summary>
/// The head chef's proposed revision of <c>no-seating-after-2200</c>, after reading the review: managers kept seating
/// parties who had booked and arrived shortly after ten, so a party with a reservation is seated until 22:20. It is
/// not in the running policy set; the program replays the evening against it before anyone ships it.
/// </summary>
[Policy("no-seating-after-2200", Title = "No seating after 22:00", Owner = "head-chef", OverridableBy = StaffRole.Manager,
    Rationale = "The kitchen closes at 22:30; a party seated later would be rushed through dinner or keep the kitchen team past midnight. A party that booked is still seated until 22:20.")]
public sealed class NoSeatingAfterTenUnlessBooked : Policy
{
    private static readonly TimeOnly LastSeating = new(22, 0);
    private static readonly TimeOnly LastBookedSeating = new(22, 20);

    /// <inheritdoc />
    public override void Define()
    {
        SeatingRequest seating = null!;
        When().Match(() => seating, s => s.At > LastSeating && (!s.Reserved || s.At > LastBookedSeating));
        Then().Deny(() => "Party of " + seating.PartySize + " arrived at " + seating.At + ", after the last seating");
    }
}
