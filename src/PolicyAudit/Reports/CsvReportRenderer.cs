namespace PolicyAudit;

/// <summary>
/// Writes a review as CSV (RFC 4180, CRLF line ends, a header row), one row per policy with every figure, the
/// verdict, the most frequent justification and the reasons joined by spaces. Stateless and thread-safe.
/// </summary>
internal sealed class CsvReportRenderer : IReportRenderer
{
    /// <summary>The header row's columns, in order.</summary>
    internal static readonly string[] Columns =
    [
        "id", "title", "owner", "overridable_by", "verdict", "decisions", "denials", "overrides", "override_rate",
        "override_rate_low", "override_rate_high",
        "escalated_overrides", "unauthorized_overrides", "distinct_staff", "distinct_customers", "harmful_outcomes",
        "top_justification", "top_justification_count", "reasons", "suggestion", "suggestion_support",
    ];

    public ReportFormat Format => ReportFormat.Csv;

    public string FileExtension => ".csv";

    public void Render(Review review, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(output);
        output.Write(string.Join(",", Columns));
        output.Write(CsvText.LineEnd);
        // A spreadsheet wants every policy as a row, so the ones without decisions come last instead of being folded away.
        foreach (var policy in review.Policies.Concat(review.PoliciesWithoutDecisions))
        {
            var top = policy.TopJustifications.Count > 0 ? policy.TopJustifications[0] : null;
            string[] fields =
            [
                CsvText.Text(policy.Id),
                CsvText.Text(policy.Title),
                CsvText.Text(policy.Owner),
                policy.OverridableBy is { } role ? WireNames.Of(role) : string.Empty,
                VerdictNames.Of(policy.Verdict),
                ReportText.Number(policy.Decisions),
                ReportText.Number(policy.Denials),
                ReportText.Number(policy.Overrides),
                ReportText.Rate(policy.OverrideRate),
                ReportText.Rate(policy.OverrideRateLow),
                ReportText.Rate(policy.OverrideRateHigh),
                ReportText.Number(policy.EscalatedOverrides),
                ReportText.Number(policy.UnauthorizedOverrides),
                ReportText.Number(policy.DistinctStaff),
                ReportText.Number(policy.DistinctCustomers),
                ReportText.Number(policy.HarmfulOutcomes),
                CsvText.Text(top?.Text),
                top is null ? string.Empty : ReportText.Number(top.Count),
                CsvText.Text(string.Join(" ", policy.Reasons)),
                CsvText.Text(policy.Suggestion?.Condition),
                CsvText.Text(policy.Suggestion?.Support),
            ];
            output.Write(string.Join(",", fields));
            output.Write(CsvText.LineEnd);
        }
    }
}
