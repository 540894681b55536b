using System.Globalization;

namespace PolicyAudit;

/// <summary>
/// One property value of a stored fact, as the suggestion search compares it: a number or a time of day (thresholds),
/// or a text (a string or enum name, quoted in a condition; or a boolean, not quoted) compared for equality.
/// </summary>
internal readonly record struct FactValue(double Number, string? Text, bool IsQuoted, bool IsTimeOfDay)
{
    public bool IsNumber => Text is null;

    public static FactValue Of(double number) => new(number, null, false, false);

    public static FactValue Of(string text, bool quoted) => new(0, text, quoted, false);

    /// <summary>A time of day (a <see cref="TimeOnly"/> is stored as "22:15:00"), compared as minutes after midnight so it can take a threshold.</summary>
    public static FactValue Of(TimeOnly time) => new(time.ToTimeSpan().TotalMinutes, null, false, true);

    /// <summary>The value as a condition writes it: "10", "22:15", "allergy", "true".</summary>
    public string Display()
    {
        if (Text is not null)
        {
            return Text;
        }

        if (!IsTimeOfDay)
        {
            return Number.ToString("G15", CultureInfo.InvariantCulture);
        }

        var time = TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(Number));
        return time.ToString(time.Second == 0 && time.Millisecond == 0 ? "HH:mm" : "HH:mm:ss", CultureInfo.InvariantCulture);
    }
}
