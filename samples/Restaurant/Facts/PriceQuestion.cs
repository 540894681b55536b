namespace Restaurant.Facts;

/// <summary>A guest is charged more than the price they remember and asks for the old price.</summary>
/// <param name="Item">The item.</param>
/// <param name="OldPrice">The price before the change (the one on the printed menu at home, or last visit).</param>
/// <param name="NewPrice">The price charged now.</param>
/// <param name="ChangedOn">When the price changed.</param>
/// <param name="WhyItChanged">Why the price changed, for staff to tell the guest.</param>
public sealed record PriceQuestion(string Item, decimal OldPrice, decimal NewPrice, DateOnly ChangedOn, string WhyItChanged);
