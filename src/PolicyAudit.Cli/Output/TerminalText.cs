using System.Globalization;
using System.Text;

namespace PolicyAudit.Cli;

/// <summary>
/// Makes stored or imported text safe to print: control characters (an escape sequence, a carriage return that would
/// overprint a line, a line break that would start a fake one) are shown as <c>\x1b</c>, <c>\r</c>, <c>\n</c> and so
/// on, and bidi controls as <c>\u202e</c>, so a record cannot make the tool print anything it did not say. Thread-safe.
/// </summary>
internal static class TerminalText
{
    /// <summary>The text with every control and bidi-control character escaped.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.Any(NeedsEscape))
        {
            return text ?? string.Empty;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (NeedsEscape(c))
            {
                AppendEscape(builder, c);
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>True for a character a terminal would act on instead of show.</summary>
    public static bool NeedsEscape(char c) => char.IsControl(c) || UnicodeText.IsBidiControl(c);

    /// <summary>Appends the visible escape of <paramref name="c"/>.</summary>
    public static void AppendEscape(StringBuilder builder, char c) => builder.Append(c switch
    {
        '\r' => "\\r",
        '\n' => "\\n",
        '\t' => "\\t",
        _ when c <= '\xff' => "\\x" + ((int)c).ToString("x2", CultureInfo.InvariantCulture),
        _ => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
    });
}
