namespace PolicyAudit;

/// <summary>
/// Tells a real justification from a blank or a placeholder ("n/a", "ok", "override"). Placeholders are compared
/// after folding (<see cref="UnicodeText.Fold"/>): case, accents, fullwidth forms, invisible characters, punctuation
/// and spaces do not count, and letters of other scripts that look Latin read as Latin, so "N/A.", " n.a ", "OK!",
/// "ＯＫ" and Cyrillic "н/а" all match. Immutable and thread-safe.
/// </summary>
internal sealed class JustificationCheck
{
    private readonly HashSet<string> _placeholders;

    public JustificationCheck(IEnumerable<string> placeholders)
    {
        ArgumentNullException.ThrowIfNull(placeholders);
        _placeholders = new HashSet<string>(placeholders.Select(Normalize).Where(p => p.Length > 0), StringComparer.Ordinal);
    }

    public static bool IsBlank(string? justification) => string.IsNullOrWhiteSpace(justification);

    public bool IsPlaceholder(string justification)
    {
        var normalized = Normalize(justification);
        // A justification made only of punctuation ("...", "-") says nothing either.
        return normalized.Length == 0 || _placeholders.Contains(normalized);
    }

    public static string Normalize(string text) => UnicodeText.Fold(text);
}
