using System.Globalization;

namespace PolicyAudit;

/// <summary>Formatting shared by the renderers, always in the invariant culture so reports do not depend on the machine.</summary>
internal static class ReportText
{
    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Percent(double share) => PolicyVerdicts.Percent(share);

    public static string Rate(double share) => Math.Round(share, 4).ToString("0.####", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Role(StaffRole? role) => role is { } r ? WireNames.Of(r) : "unknown";

    public static string Window(EvidenceWindow window) =>
        (window.From, window.To) switch
        {
            (null, null) => "all evidence",
            ({ } from, null) => $"from {Time(from)}",
            (null, { } to) => $"before {Time(to)}",
            ({ } from, { } to) => $"from {Time(from)} to {Time(to)} (exclusive)",
        };

    public static string Version(string? version) => version ?? "unversioned";
}
