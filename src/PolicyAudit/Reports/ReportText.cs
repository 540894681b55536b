using System.Globalization;

namespace PolicyAudit;

/// <summary>Formatting shared by the renderers, always in the invariant culture so reports do not depend on the machine.</summary>
internal static class ReportText
{
    /// <summary>A policy's figures as (label, formatted value), in report order: one list for every renderer.</summary>
    public static IReadOnlyList<(string Label, string Value)> Figures(PolicyReview p) =>
    [
        ("Decisions", Number(p.Decisions)),
        ("Denials", Number(p.Denials)),
        ("Overrides", Number(p.Overrides)),
        ("Override rate", Percent(p.OverrideRate)),
        ("Escalated overrides", Number(p.EscalatedOverrides)),
        ("Unauthorized overrides", Number(p.UnauthorizedOverrides)),
        ("Distinct staff", Number(p.DistinctStaff)),
        ("Distinct customers", Number(p.DistinctCustomers)),
        ("Harmful outcomes", Number(p.HarmfulOutcomes)),
    ];

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
