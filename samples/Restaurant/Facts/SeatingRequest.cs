namespace Restaurant.Facts;

/// <summary>A party asks for a table.</summary>
/// <param name="PartySize">How many guests.</param>
/// <param name="At">The local time they arrive.</param>
/// <param name="Reserved">True when they have a reservation.</param>
/// <param name="MinutesLate">How late they are for their reservation (0 when on time or walk-in).</param>
/// <param name="BookedUnder">The name the table was booked under; null for walk-ins. Personal data: the evidence keeps
/// only a keyed pseudonym of it (<see cref="PolicyAudit.RedactAttribute"/>), never the name.</param>
public sealed record SeatingRequest(int PartySize, TimeOnly At, bool Reserved, int MinutesLate, [property: PolicyAudit.Redact] string? BookedUnder = null);
