using System.Net;
using System.Text;

namespace PolicyAudit;

/// <summary>
/// Writes a review as one self-contained HTML page (inline styles and SVG charts, no scripts, no external resources)
/// that opens offline in any browser: the verdict table first, then a section per policy with its figures, reasons,
/// justifications and overrides over time, then repeat customers and staff. Every value that comes from evidence is
/// HTML-encoded. Stateless and thread-safe.
/// </summary>
internal sealed class HtmlReportRenderer : IReportRenderer
{
    private const string Style = """
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a1a1a; background: #ffffff; margin: 2rem; line-height: 1.4; }
        h1 { font-size: 1.8rem; margin-bottom: 0.2rem; }
        h2 { font-size: 1.35rem; margin-top: 2.2rem; border-bottom: 2px solid #1a1a1a; padding-bottom: 0.2rem; }
        h3 { font-size: 1.05rem; margin-bottom: 0.3rem; }
        table { border-collapse: collapse; margin: 0.6rem 0; }
        th, td { border: 1px solid #c8c8c8; padding: 0.25rem 0.6rem; text-align: left; vertical-align: top; }
        th { background: #eef1f5; }
        td.n { text-align: right; font-variant-numeric: tabular-nums; }
        .verdict { display: inline-block; padding: 0.1rem 0.5rem; border-radius: 0.3rem; font-weight: 600; color: #ffffff; white-space: nowrap; }
        .verdict-insufficient-evidence { background: #6b6b6b; }
        .verdict-keep { background: #2e7d32; }
        .verdict-enforce { background: #b71c1c; }
        .verdict-coach { background: #8a5a00; }
        .verdict-delegate { background: #5b2c91; }
        .verdict-rescind { background: #c2410c; }
        .muted { color: #555555; }
        .warning { background: #fff4e5; border-left: 4px solid #c2410c; padding: 0.5rem 0.8rem; }
        code { background: #f2f2f2; padding: 0 0.2rem; }
        .suggestion { background: #eaf3ea; border-left: 4px solid #2e7d32; padding: 0.2rem 0.8rem; margin: 0.6rem 0; }
        .suggestion h3 { margin-top: 0.4rem; }
        """;

    public ReportFormat Format => ReportFormat.Html;

    public string FileExtension => ".html";

    public void Render(Review review, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(output);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(E(ReportText.Heading(review))).Append("</title>\n<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n");
        html.Append("<h1>").Append(E(ReportText.Heading(review))).Append("</h1>\n<p class=\"muted\">Window: ").Append(E(ReportText.Window(review.Window)))
            .Append(". Policies: ").Append(review.Policies.Count + review.PoliciesWithoutDecisions.Count)
            .Append(", most in need of action first.</p>\n");
        if (review.Integrity is { IsValid: false } integrity)
        {
            html.Append("<p class=\"warning\">The evidence does not verify: ").Append(E(integrity.ToString()))
                .Append(". It may have been tampered with; the figures below come from it as it is.</p>\n");
        }

        if (review.DroppedDecisions > 0)
        {
            html.Append("<p class=\"warning\">").Append(ReportText.Number(review.DroppedDecisions))
                .Append(" decisions were dropped before they reached the evidence store; the figures below cannot include them.</p>\n");
        }

        WriteSummary(html, review);
        var span = OverrideChart.Span(review);
        for (var i = 0; i < review.Policies.Count; i++)
        {
            WritePolicy(html, review.Policies[i], i, span);
        }

        if (review.PoliciesWithoutDecisions.Count > 0)
        {
            html.Append("<h2 id=\"without-decisions\">No decisions in the window</h2>\n<p class=\"muted\">")
                .Append(E(ReportText.Names(review.PoliciesWithoutDecisions))).Append(".</p>\n");
        }

        WriteRepeatCustomers(html, review);
        WriteStaff(html, review);
        html.Append("</body>\n</html>\n");
        output.Write(html.ToString());
    }

    private static void WriteSummary(StringBuilder html, Review review)
    {
        html.Append("<h2 id=\"verdicts\">Verdicts</h2>\n<table class=\"summary\">\n<thead><tr><th>Policy</th><th>Owner</th><th>Verdict</th><th>Denials</th><th>Overrides</th><th>Override rate (95% interval)</th><th>Harmful outcomes</th><th>Escalated</th><th>Unauthorized</th></tr></thead>\n<tbody>\n");
        for (var i = 0; i < review.Policies.Count; i++)
        {
            var p = review.Policies[i];
            html.Append("<tr><td><a href=\"#policy-").Append(i).Append("\">").Append(E(p.Title)).Append("</a></td><td>")
                .Append(E(p.Owner ?? "unknown")).Append("</td><td>").Append(Badge(p.Verdict)).Append("</td>")
                .Append(Number(p.Denials)).Append(Number(p.Overrides))
                .Append("<td class=\"n\">").Append(ReportText.Percent(p.OverrideRate)).Append(" <span class=\"muted\">(")
                .Append(ReportText.Interval(p)).Append(")</span></td>")
                .Append(Number(p.HarmfulOutcomes)).Append(Number(p.EscalatedOverrides)).Append(Number(p.UnauthorizedOverrides))
                .Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static void WritePolicy(StringBuilder html, PolicyReview p, int index, (DateOnly, DateOnly)? span)
    {
        html.Append("<section id=\"policy-").Append(index).Append("\">\n<h2>").Append(E(p.Title))
            .Append(" <code>").Append(E(p.Id)).Append("</code></h2>\n");
        html.Append("<p>").Append(Badge(p.Verdict)).Append(' ').Append(E(VerdictNames.Advice(p.Verdict))).Append("</p>\n<ul class=\"reasons\">\n");
        foreach (var reason in p.Reasons)
        {
            html.Append("<li>").Append(E(reason)).Append("</li>\n");
        }

        html.Append("</ul>\n");
        if (p.Suggestion is { } suggestion)
        {
            html.Append("<div class=\"suggestion\">\n<h3>Suggested change</h3>\n<p><code>").Append(E(suggestion.Condition)).Append("</code> <span class=\"muted\">(")
                .Append(E(suggestion.Support)).Append(")</span></p>\n<p>").Append(E(suggestion.Exception)).Append("</p>\n</div>\n");
        }

        html.Append("<p class=\"muted\">Owner: ").Append(E(p.Owner ?? "unknown"))
            .Append(". Overridable by: ").Append(E(ReportText.Role(p.OverridableBy))).Append(".");
        if (p.Rationale is { } rationale)
        {
            html.Append(" Rationale: ").Append(E(rationale));
        }

        html.Append("</p>\n<table class=\"figures\">\n<tbody>\n");
        foreach (var (label, value) in ReportText.Figures(p))
        {
            Figure(html, label, value);
        }

        html.Append("</tbody>\n</table>\n");
        if (p.JustificationGroups.Count > 0)
        {
            html.Append("<h3>Why staff overrode it</h3>\n<table class=\"justifications\">\n<thead><tr><th>Word</th><th>Overrides</th><th>As staff put it</th></tr></thead>\n<tbody>\n");
            foreach (var g in p.JustificationGroups)
            {
                html.Append("<tr><td>").Append(E(g.Word)).Append("</td>").Append(Number(g.Count)).Append("<td>")
                    .Append(E(string.Join("; ", g.Examples))).Append("</td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
        }

        if (p.Harms.Count > 0)
        {
            html.Append("<h3>Complaints and losses after overrides</h3>\n<table class=\"harms\">\n<thead><tr><th>When</th><th>Outcome</th><th>Decision</th><th>Customer</th><th>Overridden by</th><th>Justification</th><th>Note</th></tr></thead>\n<tbody>\n");
            foreach (var h in p.Harms)
            {
                html.Append("<tr><td>").Append(E(ReportText.Time(h.At))).Append("</td><td>").Append(E(WireNames.Of(h.Outcome)))
                    .Append("</td><td><code>").Append(E(h.DecisionId)).Append("</code></td><td>").Append(E(h.Customer ?? "anonymous"))
                    .Append("</td><td>").Append(E(h.Staff)).Append("</td><td>").Append(E(h.Justification))
                    .Append("</td><td>").Append(E(h.Note ?? string.Empty)).Append("</td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
        }

        if (p.Versions.Count > 0)
        {
            html.Append("<h3>By policy version</h3>\n<table class=\"versions\">\n<thead><tr><th>Version</th><th>Decisions</th><th>Denials</th><th>Overrides</th><th>Override rate</th></tr></thead>\n<tbody>\n");
            foreach (var v in p.Versions)
            {
                html.Append("<tr><td><code>").Append(E(ReportText.Version(v.Version))).Append("</code></td>")
                    .Append(Number(v.Decisions)).Append(Number(v.Denials)).Append(Number(v.Overrides))
                    .Append("<td class=\"n\">").Append(ReportText.Percent(v.OverrideRate)).Append("</td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
        }

        html.Append("<h3>Overrides over time</h3>\n");
        if (span is { } s && p.Overrides > 0)
        {
            html.Append(OverrideChart.Svg(p, s)).Append('\n');
        }
        else
        {
            html.Append("<p class=\"muted\">No overrides in the window.</p>\n");
        }

        html.Append("</section>\n");
    }

    private static void WriteRepeatCustomers(StringBuilder html, Review review)
    {
        html.Append("<h2 id=\"repeat-customers\">").Append(review.Owner is null ? "Repeat customers" : "Customers who needed repeated exceptions").Append("</h2>\n");
        if (review.RepeatCustomers.Count == 0)
        {
            html.Append("<p class=\"muted\">No customer received ").Append(review.Options.RepeatCustomerMinimumOverrides).Append(" or more overrides.</p>\n");
            return;
        }

        html.Append("<table>\n<thead><tr><th>Customer</th><th>Overrides</th></tr></thead>\n<tbody>\n");
        foreach (var c in review.RepeatCustomers)
        {
            html.Append("<tr><td>").Append(E(c.Customer)).Append("</td>").Append(Number(c.Overrides)).Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static void WriteStaff(StringBuilder html, Review review)
    {
        html.Append("<h2 id=\"staff\">Staff</h2>\n");
        if (review.Staff.Count == 0)
        {
            html.Append("<p class=\"muted\">No staff activity in the window.</p>\n");
            return;
        }

        html.Append("<table>\n<thead><tr><th>Staff</th><th>Decisions</th><th>Overrides</th><th>Escalated</th><th>Unauthorized</th><th>Refused</th><th>Policies overridden</th></tr></thead>\n<tbody>\n");
        foreach (var s in review.Staff)
        {
            html.Append("<tr><td>").Append(E(s.Staff)).Append("</td>").Append(Number(s.Decisions)).Append(Number(s.Overrides))
                .Append(Number(s.EscalatedOverrides)).Append(Number(s.UnauthorizedOverrides)).Append(Number(s.RefusedOverrides))
                .Append("<td>").Append(E(string.Join(", ", s.Policies))).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static void Figure(StringBuilder html, string name, string value) =>
        html.Append("<tr><th>").Append(name).Append("</th><td class=\"n\">").Append(value).Append("</td></tr>\n");

    private static string Number(long value) => "<td class=\"n\">" + ReportText.Number(value) + "</td>";

    private static string Badge(Verdict verdict)
    {
        var name = VerdictNames.Of(verdict);
        return "<span class=\"verdict verdict-" + name + "\">" + name + "</span>";
    }

    /// <summary>HTML-encodes evidence text (also quotes, so it is safe in attributes).</summary>
    // Bidi controls in evidence text could reorder what a reader sees around them; the text keeps them, the page not.
    private static string E(string text) => WebUtility.HtmlEncode(UnicodeText.StripBidi(text));
}
