using PolicyAudit;
using Restaurant.Facts;

namespace Restaurant.Policies;

/// <summary>No party is seated after 22:00.</summary>
[Policy("no-seating-after-2200", Title = "No seating after 22:00", Owner = "head-chef", OverridableBy = StaffRole.Manager,
    Rationale = "The kitchen closes at 22:30; a party seated later would be rushed through dinner or keep the kitchen team past midnight.")]
public sealed class NoSeatingAfterTen : Policy
{
    private static readonly TimeOnly LastSeating = new(22, 0);

    /// <inheritdoc />
    public override void Define()
    {
        SeatingRequest seating = null!;
        When().Match(() => seating, s => s.At > LastSeating);
        Then().Deny(() => "Party of " + seating.PartySize + " arrived at " + seating.At + ", after the last seating at 22:00");
    }
}
