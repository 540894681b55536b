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
        ("Override rate, 95% interval", Interval(p)),
        ("Escalated overrides", Number(p.EscalatedOverrides)),
        ("Unauthorized overrides", Number(p.UnauthorizedOverrides)),
        ("Distinct staff", Number(p.DistinctStaff)),
        ("Distinct customers", Number(p.DistinctCustomers)),
        ("Harmful outcomes", Number(p.HarmfulOutcomes)),
    ];

    /// <summary>The 95% interval of a policy's override rate: "21.9% to 39.6%".</summary>
    public static string Interval(PolicyReview p) => Percent(p.OverrideRateLow) + " to " + Percent(p.OverrideRateHigh);

    /// <summary>The one-line list of policies without decisions: "Title (id), Title (id)".</summary>
    public static string Names(IEnumerable<PolicyReview> policies) =>
        string.Join(", ", policies.Select(p => p.Title == p.Id ? p.Id : p.Title + " (" + p.Id + ")"));

    /// <summary>The heading of a review: everyone's, or one owner's packet.</summary>
    public static string Heading(Review review) =>
        review.Owner is { } owner ? "Override review for " + owner : "Override review";

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
