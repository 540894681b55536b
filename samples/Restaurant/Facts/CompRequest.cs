namespace Restaurant.Facts;

/// <summary>A server asks to take an item off the bill.</summary>
/// <param name="Item">The item.</param>
/// <param name="Course">The course it belongs to ("dessert", "coffee", "main", "wine").</param>
/// <param name="Value">What it would have cost.</param>
/// <param name="Cause">Why: what went wrong, or the occasion.</param>
public sealed record CompRequest(string Item, string Course, decimal Value, string Cause);
