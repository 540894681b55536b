namespace Restaurant.Facts;

/// <summary>Which menu a dish is ordered from.</summary>
public enum Menu
{
    /// <summary>Dishes ordered one by one.</summary>
    ALaCarte,

    /// <summary>The seven-course tasting menu, cooked for the whole room in waves.</summary>
    Tasting,
}
