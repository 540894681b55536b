namespace Restaurant.Facts;

/// <summary>A party asks for the bill, perhaps with changes to it.</summary>
/// <param name="PartySize">How many guests.</param>
/// <param name="Total">The total before gratuity.</param>
/// <param name="RemoveGratuity">True when the party asks to remove the automatic gratuity.</param>
/// <param name="SplitWays">How many ways the party wants the bill split (1 for one bill).</param>
public sealed record BillRequest(int PartySize, decimal Total, bool RemoveGratuity, int SplitWays);
