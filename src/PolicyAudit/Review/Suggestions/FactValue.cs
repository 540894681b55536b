namespace PolicyAudit;

/// <summary>
/// One property value of a stored fact, as the suggestion search compares it: a number (thresholds), or a text (a
/// string or enum name, quoted in a condition; or a boolean, not quoted) compared for equality.
/// </summary>
internal readonly record struct FactValue(double Number, string? Text, bool IsQuoted)
{
    public bool IsNumber => Text is null;

    public static FactValue Of(double number) => new(number, null, false);

    public static FactValue Of(string text, bool quoted) => new(0, text, quoted);
}
