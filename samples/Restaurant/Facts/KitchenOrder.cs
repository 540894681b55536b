namespace Restaurant.Facts;

/// <summary>A table sends an order to the kitchen.</summary>
/// <param name="Dishes">How many dishes.</param>
/// <param name="At">The local time of the order.</param>
public sealed record KitchenOrder(int Dishes, TimeOnly At);
