namespace PolicyAudit;

/// <summary>
/// Writes RFC 4180 fields: quoted when they hold a comma, quote, CR or LF, quotes doubled. A text cell whose first
/// character that is not white space (spaces, tabs, line breaks) is <c>= + - @</c>, or their fullwidth or small forms,
/// or that starts with a tab or a CR, gets a leading apostrophe, so a spreadsheet shows it instead of running it as a
/// formula (evidence text is typed by staff and by other systems). Bidi controls are removed from text cells.
/// </summary>
internal static class CsvText
{
    public const string LineEnd = "\r\n";

    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        return Quote(value);
    }

    public static string Text(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        value = UnicodeText.StripBidi(value);
        return Quote(StartsLikeFormula(value) ? "'" + value : value);
    }

    /// <summary>True when a spreadsheet could take the cell for a formula, whatever white space comes first.</summary>
    internal static bool StartsLikeFormula(string value)
    {
        if (value.Length == 0)
        {
            return false;
        }

        if (value[0] is '\t' or '\r')
        {
            return true;
        }

        var first = value.AsSpan().TrimStart();
        return first.Length > 0 && first[0] is '=' or '+' or '-' or '@'
            or '\uFF1D' or '\uFF0B' or '\uFF0D' or '\uFF20'   // fullwidth = + - @
            or '\uFE66' or '\uFE62' or '\uFE63' or '\uFE6B'   // small = + - @
            or '\u2212';                                      // minus sign
    }

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
