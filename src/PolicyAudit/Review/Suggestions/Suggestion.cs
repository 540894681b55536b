using System.Globalization;

namespace PolicyAudit;

/// <summary>
/// What change to a policy would fit what staff did: the one condition on the decisions' stored facts that best
/// separates the denials staff overrode from the denials that stood, with its support and the exception it suggests.
/// Immutable.
/// </summary>
/// <param name="Property">The fact property, as <c>Type.Property</c> with the type's simple name (<c>Party.Size</c>, <c>SubstitutionRequest.Reason</c>).</param>
/// <param name="Operator"><c>==</c> for a string, enum or bool value; <c>&lt;=</c> or <c>&gt;=</c> for a numeric threshold.</param>
/// <param name="Value">The value or threshold as text: <c>allergy</c>, <c>10</c>, <c>true</c> (invariant culture).</param>
/// <param name="IsText">True when <paramref name="Value"/> is a string or enum value (quoted in <see cref="Condition"/>).</param>
/// <param name="CoveredOverrides">Overridden denials (with stored facts) that meet the condition.</param>
/// <param name="Overrides">Overridden denials with stored facts.</param>
/// <param name="CoveredUpheldDenials">Upheld denials (with stored facts, never overridden) that meet the condition.</param>
/// <param name="UpheldDenials">Upheld denials with stored facts.</param>
/// <param name="Exception">The change it suggests, in the policy's terms and the verdict's.</param>
public sealed record Suggestion(
    string Property,
    string Operator,
    string Value,
    bool IsText,
    int CoveredOverrides,
    int Overrides,
    int CoveredUpheldDenials,
    int UpheldDenials,
    string Exception)
{
    /// <summary>The condition as one expression: <c>Party.Size &lt;= 10</c>, <c>SubstitutionRequest.Reason == "allergy"</c>.</summary>
    public string Condition => Property + " " + Operator + " " + (IsText ? "\"" + Value.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"" : Value);

    /// <summary>The figures behind it: "31 of 35 overrides, 2 of 160 upheld denials".</summary>
    public string Support => string.Create(
        CultureInfo.InvariantCulture,
        $"{CoveredOverrides} of {Overrides} overrides, {CoveredUpheldDenials} of {UpheldDenials} upheld denials");
}
