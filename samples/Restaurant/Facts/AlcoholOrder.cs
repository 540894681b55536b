namespace Restaurant.Facts;

/// <summary>A guest orders alcohol.</summary>
/// <param name="Drink">The drink.</param>
/// <param name="IdChecked">True when staff checked the guest's ID.</param>
/// <param name="Age">The age on the ID; null when not checked.</param>
public sealed record AlcoholOrder(string Drink, bool IdChecked, int? Age);
