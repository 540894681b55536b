using PolicyAudit;
using Restaurant.Facts;

namespace Restaurant.Policies;

/// <summary>A reserved table is held for 15 minutes.</summary>
[Policy("reservation-held-15-minutes", Title = "Reservations are held for 15 minutes", Owner = "front-of-house", OverridableBy = StaffRole.Supervisor,
    Rationale = "On a full Saturday every table turns twice; holding one longer means the next party waits at the bar.")]
public sealed class ReservationHeldFifteenMinutes : Policy
{
    /// <inheritdoc />
    public override void Define()
    {
        SeatingRequest seating = null!;
        When().Match(() => seating, s => s.Reserved, s => s.MinutesLate > 15);
        Then().RequireApproval(() => "The party is " + seating.MinutesLate + " minutes late; the table was held for 15");
    }
}
