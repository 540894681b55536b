namespace Restaurant.Facts;

/// <summary>A party brings its own cake and asks us to serve it.</summary>
/// <param name="Occasion">The occasion (birthday, anniversary...).</param>
/// <param name="PartySize">How many guests will have a slice.</param>
/// <param name="WaiveFee">True when the party asks to skip the cake-cutting fee.</param>
public sealed record OutsideCake(string Occasion, int PartySize, bool WaiveFee);
