namespace Restaurant.Facts;

/// <summary>A guest asks to change a dish.</summary>
/// <param name="Dish">The dish.</param>
/// <param name="Menu">The menu it is ordered from.</param>
/// <param name="Change">What the guest wants changed.</param>
/// <param name="Allergy">True when the change is for an allergy or intolerance.</param>
public sealed record SubstitutionRequest(string Dish, Menu Menu, string Change, bool Allergy);
