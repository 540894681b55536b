namespace PolicyAudit;

/// <summary>
/// Who is being served, where and by whom. Pass one as a fact to <see cref="IPolicyEngine.Evaluate"/> so the
/// decision, and any override of it, names the customer and location (the customer's history follows them).
/// Immutable.
/// </summary>
/// <param name="Customer">The customer's id; null (or blank) when anonymous.</param>
/// <param name="Location">The location (restaurant, store, channel); null (or blank) when unknown.</param>
/// <param name="Staff">The id of the staff member serving; null (or blank) when unknown.</param>
/// <remarks>Each id is trimmed and normalised to Unicode form C, so ids that look the same are the same; an id with a
/// control or invisible character, or longer than <see cref="EvidenceLimits.IdentifierLength"/>, is refused with an
/// <see cref="ArgumentException"/>.</remarks>
public sealed record ServiceContext(string? Customer = null, string? Location = null, string? Staff = null)
{
    /// <summary>The customer's id; null when anonymous.</summary>
    public string? Customer { get; } = UnicodeText.OptionalIdentifier(Customer, nameof(Customer));

    /// <summary>The location; null when unknown.</summary>
    public string? Location { get; } = UnicodeText.OptionalIdentifier(Location, nameof(Location));

    /// <summary>The id of the staff member serving; null when unknown.</summary>
    public string? Staff { get; } = UnicodeText.OptionalIdentifier(Staff, nameof(Staff));

    /// <summary>No customer, location or staff.</summary>
    public static ServiceContext None { get; } = new();
}
