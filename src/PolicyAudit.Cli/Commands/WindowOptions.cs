using System.CommandLine;
using System.Globalization;

namespace PolicyAudit.Cli;

/// <summary>The <c>--from</c> and <c>--to</c> options of the commands that read a window of evidence.</summary>
internal static class WindowOptions
{
    public static Option<string?> From() =>
        new("--from") { Description = "First day (YYYY-MM-DD, UTC) or instant (ISO 8601) included; default: the beginning." };

    public static Option<string?> To() =>
        new("--to") { Description = "Last day included (YYYY-MM-DD, UTC), or the first instant excluded (ISO 8601); default: no end." };

    /// <summary>The window the options give; errors name <paramref name="command"/> and the option.</summary>
    /// <exception cref="CliException">A date is malformed, or the window ends before it starts.</exception>
    public static EvidenceWindow Parse(string command, string? from, string? to)
    {
        var window = new EvidenceWindow(ParseDate(command, "--from", from, isEnd: false), ParseDate(command, "--to", to, isEnd: true));
        if (window is { From: { } start, To: { } end } && end <= start)
        {
            throw CliException.BadInput($"{command}: --to must be after --from.");
        }

        return window;
    }

    /// <summary>A date (a whole UTC day) or an ISO 8601 instant; an end date includes its whole day.</summary>
    internal static DateTimeOffset? ParseDate(string command, string option, string? text, bool isEnd)
    {
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            if (isEnd && day == DateOnly.MaxValue)
            {
                // The day after 9999-12-31 is no instant .NET can hold; leave --to out to include everything.
                throw CliException.BadInput($"{command}: {option} {day:yyyy-MM-dd} cannot be represented (its day ends after the last instant there is); leave {option} out to include everything.");
            }

            return isEnd ? start.AddDays(1) : start;
        }

        try
        {
            return ImportValues.Time(option, text);
        }
        catch (FormatException)
        {
            throw CliException.BadInput($"{command}: {option} must be a date (YYYY-MM-DD) or an ISO 8601 time, not '{ImportValues.Shorten(text)}'.");
        }
    }
}
