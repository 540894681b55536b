using System.Text;

namespace PolicyAudit;

/// <summary>
/// Tells a real justification from a blank or a placeholder ("n/a", "ok", "override"). Placeholders are compared
/// after trimming, lower-casing and removing punctuation and spaces, so "N/A.", " n.a " and "OK!" all match.
/// Immutable and thread-safe.
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

    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Trim())
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }
}
