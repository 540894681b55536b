using PolicyAudit;
using Restaurant.Facts;

namespace Restaurant.Policies;

/// <summary>A walk-in party of more than twelve is seated only when a supervisor can rearrange the floor for it.</summary>
[Policy("large-parties-need-reservation", Title = "Parties of more than 12 need a reservation", Owner = "front-of-house", OverridableBy = StaffRole.Supervisor,
    Rationale = "Seating more than twelve guests means joining tables and moving other reservations; with notice we set the room for it, without it other guests wait.")]
public sealed class LargePartiesNeedReservation : Policy
{
    /// <inheritdoc />
    public override void Define()
    {
        SeatingRequest seating = null!;
        When().Match(() => seating, s => !s.Reserved, s => s.PartySize > 12);
        Then().RequireApproval(() => "A walk-in party of " + seating.PartySize + " needs tables joined and the floor rearranged");
    }
}
