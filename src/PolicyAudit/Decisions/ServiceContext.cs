namespace PolicyAudit;

/// <summary>
/// Who is being served, where and by whom. Pass one as a fact to <see cref="IPolicyEngine.Evaluate"/> so the
/// decision, and any override of it, names the customer and location (the customer's history follows them).
/// Immutable.
/// </summary>
/// <param name="Customer">The customer's id; null when anonymous.</param>
/// <param name="Location">The location (restaurant, store, channel); null when unknown.</param>
/// <param name="Staff">The id of the staff member serving; null when unknown.</param>
public sealed record ServiceContext(string? Customer = null, string? Location = null, string? Staff = null)
{
    /// <summary>No customer, location or staff.</summary>
    public static ServiceContext None { get; } = new();
}
