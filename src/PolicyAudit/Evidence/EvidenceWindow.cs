namespace PolicyAudit;

/// <summary>A time window over evidence: <see cref="From"/> inclusive, <see cref="To"/> exclusive; null means open. Immutable.</summary>
/// <param name="From">The first instant included; null for the beginning of time.</param>
/// <param name="To">The first instant excluded; null for no end.</param>
public sealed record EvidenceWindow(DateTimeOffset? From = null, DateTimeOffset? To = null)
{
    /// <summary>All evidence.</summary>
    public static EvidenceWindow All { get; } = new();

    /// <summary>True when <paramref name="at"/> falls in the window.</summary>
    /// <param name="at">The instant.</param>
    /// <returns>Whether it is inside.</returns>
    public bool Contains(DateTimeOffset at) => (From is null || at >= From) && (To is null || at < To);
}
