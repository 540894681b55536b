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

    public static string Id(string field, string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new FormatException($"'{field}' must not be blank");
        }

        if (text.Any(char.IsControl))
        {
            throw new FormatException($"'{field}' must not contain control characters");
        }

        if (text.Length > 200)
        {
            throw new FormatException($"'{field}' is longer than 200 characters");
        }

        return text;
    }

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

    /// <summary>Evidence text in a message: at most 40 characters, control characters shown as '?'.</summary>
    public static string Shorten(string text)
    {
        var printable = new string(text.Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return printable.Length <= 40 ? printable : printable[..37] + "...";
    }
}
