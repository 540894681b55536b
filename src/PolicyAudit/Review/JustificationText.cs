using System.Text;

namespace PolicyAudit;

/// <summary>
/// Normalises justifications so that the same reason typed differently ("Regular customer.", "regular  customer")
/// counts once: trimmed, lower case, inner whitespace collapsed, trailing full stops and exclamation marks dropped.
/// </summary>
internal static class JustificationText
{
    public const string NoneGiven = "(none given)";

    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return NoneGiven;
        }

        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text.Trim())
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        var normalized = builder.ToString().TrimEnd('.', '!', ' ');
        return normalized.Length == 0 ? NoneGiven : normalized;
    }
}
