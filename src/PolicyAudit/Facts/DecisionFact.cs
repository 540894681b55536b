using System.Text.Json;

namespace PolicyAudit;

/// <summary>
/// One fact of a decision, as stored: its CLR type's full name, its public properties as JSON (masked ones
/// pseudonymised or left out) and which properties were masked. Immutable.
/// </summary>
/// <param name="Type">The fact's type, by full name (<c>Restaurant.Facts.BroughtBottle</c>).</param>
/// <param name="Value">The public properties as a JSON object; null when the fact was left out (see <paramref name="Omitted"/>).</param>
/// <param name="Masked">
/// The paths of the properties that were masked (<c>Email</c>, <c>Contact.Phone</c>; items of a collection share
/// their collection's path): their stored value is a pseudonym, or nothing when dropped.
/// </param>
/// <param name="Omitted">
/// Why the value was left out, or null when it is stored: <c>too-large</c> (the decision's facts went over the size
/// limit) or <c>not-serializable</c> (a property could not be written as JSON, or threw).
/// </param>
public sealed record DecisionFact(string Type, JsonElement? Value, IReadOnlyList<string> Masked, string? Omitted);
