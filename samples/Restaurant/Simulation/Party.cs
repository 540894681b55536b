namespace Restaurant.Simulation;

/// <summary>A party arriving during the evening.</summary>
/// <param name="Number">The party's number in the evening.</param>
/// <param name="Customer">The customer id of whoever booked (regulars keep theirs); null for anonymous walk-ins.</param>
/// <param name="Size">How many guests.</param>
/// <param name="Arrival">The local time they arrive.</param>
/// <param name="Reserved">True when they booked.</param>
/// <param name="MinutesLate">How late they are for their booking.</param>
/// <param name="Tasting">True when they take the tasting menu.</param>
/// <param name="Occasion">A birthday or anniversary; null when none.</param>
internal sealed record Party(int Number, string? Customer, int Size, TimeOnly Arrival, bool Reserved, int MinutesLate, bool Tasting, string? Occasion)
{
    public bool IsRegular => Customer?.StartsWith("regular-", StringComparison.Ordinal) == true;
}
