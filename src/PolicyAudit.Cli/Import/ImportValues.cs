using System.Globalization;

namespace PolicyAudit.Cli;

/// <summary>The value checks shared by the JSON Lines and CSV readers, with the messages they give.</summary>
internal static class ImportValues
{
    public static readonly string OverrideRoles = "staff|supervisor|manager|owner";

    private static readonly string[] TimeFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd HH:mm:ssK",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd",
    ];

    /// <summary>An ISO 8601 time; without an offset it is taken as UTC.</summary>
    public static DateTimeOffset Time(string field, string text)
    {
        if (DateTimeOffset.TryParseExact(text.Trim(), TimeFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
        {
            return at;
        }

        throw new FormatException($"'{field}' must be an ISO 8601 time such as 2026-03-01T19:30:00Z, not '{Shorten(text)}'");
    }

    /// <summary>An identifier, normalised as the library normalises it (trimmed, Unicode form C, nothing invisible).</summary>
    public static string Id(string field, string text) =>
        UnicodeText.TryIdentifier(text, field, out var id, out var problem) ? id : throw new FormatException(problem);

    /// <summary>An optional identifier: null when missing or blank, else as <see cref="Id"/>.</summary>
    public static string? OptionalId(string field, string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : Id(field, text);

    /// <summary>Free text kept as written, up to <paramref name="limit"/> characters.</summary>
    public static string? Text(string field, string? text, int limit = EvidenceLimits.TextLength) =>
        UnicodeText.FitsIn(text, limit)
            ? text
            : throw new FormatException($"'{field}' is {text!.Length} characters long; it may be at most {limit}");

    public static DecisionOutcome Outcome(string field, string text) =>
        WireNames.TryParse(text, out DecisionOutcome value)
            ? value
            : throw new FormatException($"'{field}' must be one of {WireNames.Choices<DecisionOutcome>(WireNames.Of)}, not '{Shorten(text)}'");

    public static StaffRole Authority(string field, string text) =>
        WireNames.TryParse(text, out StaffRole value)
            ? value
            : throw new FormatException($"'{field}' must be one of {WireNames.Choices<StaffRole>(WireNames.Of)}, not '{Shorten(text)}'");

    public static StaffRole Role(string field, string text) =>
        WireNames.TryParse(text, out StaffRole value) && value != StaffRole.Nobody
            ? value
            : throw new FormatException($"'{field}' must be one of {OverrideRoles}, not '{Shorten(text)}'");

    public static OutcomeKind OutcomeKind(string field, string text) =>
        WireNames.TryParse(text, out OutcomeKind value)
            ? value
            : throw new FormatException($"'{field}' must be one of {WireNames.Choices<OutcomeKind>(WireNames.Of)}, not '{Shorten(text)}'");

    /// <summary>Evidence text in a message: at most 40 characters, control and bidi characters escaped.</summary>
    public static string Shorten(string text)
    {
        var printable = TerminalText.Escape(text);
        return printable.Length <= 40 ? printable : printable[..37] + "...";
    }
}
