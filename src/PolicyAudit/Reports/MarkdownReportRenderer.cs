using System.Text;

namespace PolicyAudit;

/// <summary>
/// Writes a review as Markdown for pasting into a ticket: the verdict table first, then a section per policy.
/// Evidence text is escaped so it cannot break a table, start a list or inject HTML. Stateless and thread-safe.
/// </summary>
internal sealed class MarkdownReportRenderer : IReportRenderer
{
    public ReportFormat Format => ReportFormat.Markdown;

    public string FileExtension => ".md";

    public void Render(Review review, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(output);
        var md = new StringBuilder();
        md.Append("# ").Append(Escape(ReportText.Heading(review))).Append("\n\n");
        md.Append("Window: ").Append(ReportText.Window(review.Window)).Append(".\n\n");
        if (review.Integrity is { IsValid: false } integrity)
        {
            md.Append("**Warning:** the evidence does not verify: ").Append(Escape(integrity.ToString()))
              .Append(". It may have been tampered with; the figures below come from it as it is.\n\n");
        }

        if (review.DroppedDecisions > 0)
        {
            md.Append("**Warning:** ").Append(ReportText.Number(review.DroppedDecisions))
              .Append(" decisions were dropped before they reached the evidence store; the figures below cannot include them.\n\n");
        }

        md.Append("| Policy | Owner | Verdict | Denials | Overrides | Override rate | 95% interval | Harmful | Escalated | Unauthorized |\n");
        md.Append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        foreach (var p in review.Policies)
        {
            md.Append("| ").Append(Escape(p.Title)).Append(" (`").Append(Code(p.Id)).Append("`) | ")
              .Append(Escape(p.Owner ?? "unknown")).Append(" | **").Append(VerdictNames.Of(p.Verdict)).Append("** | ")
              .Append(ReportText.Number(p.Denials)).Append(" | ").Append(ReportText.Number(p.Overrides)).Append(" | ")
              .Append(ReportText.Percent(p.OverrideRate)).Append(" | ").Append(ReportText.Interval(p)).Append(" | ").Append(ReportText.Number(p.HarmfulOutcomes)).Append(" | ")
              .Append(ReportText.Number(p.EscalatedOverrides)).Append(" | ").Append(ReportText.Number(p.UnauthorizedOverrides)).Append(" |\n");
        }

        foreach (var p in review.Policies)
        {
            md.Append("\n## ").Append(Escape(p.Title)).Append(" (`").Append(Code(p.Id)).Append("`)\n\n");
            md.Append("**Verdict: ").Append(VerdictNames.Of(p.Verdict)).Append("** (").Append(VerdictNames.Advice(p.Verdict)).Append(")\n\n");
            foreach (var reason in p.Reasons)
            {
                md.Append("- ").Append(Escape(reason)).Append('\n');
            }

            if (p.Suggestion is { } suggestion)
            {
                md.Append("\n**Suggested change:** `").Append(Code(suggestion.Condition)).Append("` (").Append(Escape(suggestion.Support)).Append("). ")
                  .Append(Escape(suggestion.Exception)).Append('\n');
            }

            md.Append("\nOwner: ").Append(Escape(p.Owner ?? "unknown"))
              .Append(". Overridable by: ").Append(ReportText.Role(p.OverridableBy)).Append(".\n");
            if (p.Rationale is { } rationale)
            {
                md.Append("Rationale: ").Append(Escape(rationale)).Append('\n');
            }

            md.Append("\n| Figure | Value |\n|---|---:|\n");
            foreach (var (label, value) in ReportText.Figures(p))
            {
                Row(md, label, value);
            }

            if (p.JustificationGroups.Count > 0)
            {
                md.Append("\nWhy staff overrode it:\n\n| Word | Overrides | As staff put it |\n|---|---:|---|\n");
                foreach (var g in p.JustificationGroups)
                {
                    md.Append("| ").Append(Escape(g.Word)).Append(" | ").Append(ReportText.Number(g.Count)).Append(" | ")
                      .Append(Escape(string.Join("; ", g.Examples))).Append(" |\n");
                }
            }

            if (p.Harms.Count > 0)
            {
                md.Append("\nComplaints and losses after overrides:\n\n| When | Outcome | Decision | Customer | Overridden by | Justification | Note |\n|---|---|---|---|---|---|---|\n");
                foreach (var h in p.Harms)
                {
                    md.Append("| ").Append(ReportText.Time(h.At)).Append(" | ").Append(WireNames.Of(h.Outcome)).Append(" | `").Append(Code(h.DecisionId))
                      .Append("` | ").Append(Escape(h.Customer ?? "anonymous")).Append(" | ").Append(Escape(h.Staff)).Append(" | ")
                      .Append(Escape(h.Justification)).Append(" | ").Append(Escape(h.Note ?? string.Empty)).Append(" |\n");
                }
            }

            if (p.Versions.Count > 0)
            {
                md.Append("\n| Version | Decisions | Denials | Overrides | Override rate |\n|---|---:|---:|---:|---:|\n");
                foreach (var v in p.Versions)
                {
                    md.Append("| `").Append(Code(ReportText.Version(v.Version))).Append("` | ").Append(ReportText.Number(v.Decisions))
                      .Append(" | ").Append(ReportText.Number(v.Denials)).Append(" | ").Append(ReportText.Number(v.Overrides))
                      .Append(" | ").Append(ReportText.Percent(v.OverrideRate)).Append(" |\n");
                }
            }
        }

        if (review.PoliciesWithoutDecisions.Count > 0)
        {
            md.Append("\n## No decisions in the window\n\n").Append(Escape(ReportText.Names(review.PoliciesWithoutDecisions))).Append(".\n");
        }

        if (review.RepeatCustomers.Count > 0)
        {
            md.Append("\n## ").Append(review.Owner is null ? "Repeat customers" : "Customers who needed repeated exceptions").Append("\n\n| Customer | Overrides |\n|---|---:|\n");
            foreach (var c in review.RepeatCustomers)
            {
                Row(md, Escape(c.Customer), ReportText.Number(c.Overrides));
            }
        }

        if (review.Staff.Count > 0)
        {
            md.Append("\n## Staff\n\n| Staff | Decisions | Overrides | Escalated | Unauthorized | Refused | Policies overridden |\n|---|---:|---:|---:|---:|---:|---|\n");
            foreach (var s in review.Staff)
            {
                md.Append("| ").Append(Escape(s.Staff)).Append(" | ").Append(ReportText.Number(s.Decisions)).Append(" | ")
                  .Append(ReportText.Number(s.Overrides)).Append(" | ").Append(ReportText.Number(s.EscalatedOverrides)).Append(" | ")
                  .Append(ReportText.Number(s.UnauthorizedOverrides)).Append(" | ").Append(ReportText.Number(s.RefusedOverrides)).Append(" | ")
                  .Append(Escape(string.Join(", ", s.Policies))).Append(" |\n");
            }
        }

        output.Write(md.ToString());
    }

    private static void Row(StringBuilder md, string name, string value) =>
        md.Append("| ").Append(name).Append(" | ").Append(value).Append(" |\n");

    /// <summary>Escapes Markdown punctuation and HTML so evidence text renders as the text it is, on one line.</summary>
    internal static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\r' or '\n' or '\t':
                    escaped.Append(' ');
                    break;
                case var bidi when UnicodeText.IsBidiControl(bidi):
                    // Stored text keeps it; a rendered table must not be reordered by it.
                    break;
                case '<':
                    escaped.Append("&lt;");
                    break;
                case '>':
                    escaped.Append("&gt;");
                    break;
                case '&':
                    escaped.Append("&amp;");
                    break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '#' or '!' or '~':
                    escaped.Append('\\').Append(c);
                    break;
                default:
                    escaped.Append(char.IsControl(c) ? ' ' : c);
                    break;
            }
        }

        return escaped.ToString();
    }

    /// <summary>Text inside a code span cannot be backslash-escaped, so backticks and line breaks are replaced.</summary>
    private static string Code(string text) =>
        new(text.Select(c => c is '`' ? '\'' : char.IsControl(c) ? ' ' : c == '|' ? '/' : c).ToArray());
}
