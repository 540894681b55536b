namespace PolicyAudit;

/// <summary>
/// Writes RFC 4180 fields: quoted when they hold a comma, quote, CR or LF, quotes doubled. A text cell that starts
/// with <c>= + - @</c>, a tab or a CR gets a leading apostrophe so a spreadsheet shows it instead of running it as a
/// formula (evidence text is typed by staff and by other systems).
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

        return Quote(value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value);
    }

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
