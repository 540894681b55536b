using System.Text;

namespace PolicyAudit;

/// <summary>
/// The verdict table as plain text for a console (no colours, no dependencies): one row per policy with its verdict,
/// denials, overrides, override rate and owner. Stateless and thread-safe.
/// </summary>
public static class VerdictTable
{
    private static readonly string[] Header = ["Policy", "Verdict", "Denials", "Overrides", "Rate", "95% interval", "Harmful", "Owner"];

    /// <summary>Writes the table of <paramref name="review"/>'s verdicts to <paramref name="output"/>.</summary>
    /// <param name="review">The review.</param>
    /// <param name="output">Where to write (a console, usually).</param>
    public static void Write(Review review, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(output);
        output.Write(Render(review));
    }

    /// <summary>The table of <paramref name="review"/>'s verdicts as text, lines ending in <c>\n</c>.</summary>
    /// <param name="review">The review.</param>
    /// <returns>The table.</returns>
    public static string Render(Review review)
    {
        ArgumentNullException.ThrowIfNull(review);
        var rows = new List<string[]> { Header };
        rows.AddRange(Rows(review));
        var widths = Enumerable.Range(0, Header.Length).Select(i => rows.Max(r => r[i].Length)).ToArray();
        var numeric = new[] { false, false, true, true, true, true, true, false };
        var text = new StringBuilder();
        for (var r = 0; r < rows.Count; r++)
        {
            var cells = rows[r].Select((cell, i) => numeric[i] && r > 0 ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i]));
            text.Append(string.Join("  ", cells).TrimEnd()).Append('\n');
            if (r == 0)
            {
                text.Append(string.Join("  ", widths.Select(w => new string('-', w)))).Append('\n');
            }
        }

        if (review.PoliciesWithoutDecisions.Count > 0)
        {
            text.Append("No decisions in the window: ").Append(Printable(string.Join(", ", review.PoliciesWithoutDecisions.Select(p => p.Id)))).Append(".\n");
        }

        if (review.DroppedDecisions > 0)
        {
            text.Append(ReportText.Number(review.DroppedDecisions)).Append(" decisions were dropped before reaching the evidence store.\n");
        }

        return text.ToString();
    }

    /// <summary>The table's rows (without the header), with evidence text made printable, for other table writers.</summary>
    /// <param name="review">The review.</param>
    /// <returns>Per policy with decisions, most in need of action first: policy id, verdict, denials, overrides, rate, its 95% interval, harmful outcomes, owner.</returns>
    public static IReadOnlyList<string[]> Rows(Review review)
    {
        ArgumentNullException.ThrowIfNull(review);
        return review.Policies.Select(p => new[]
        {
            Printable(p.Id),
            VerdictNames.Of(p.Verdict),
            ReportText.Number(p.Denials),
            ReportText.Number(p.Overrides),
            ReportText.Percent(p.OverrideRate),
            ReportText.Interval(p),
            ReportText.Number(p.HarmfulOutcomes),
            Printable(p.Owner ?? "unknown"),
        }).ToArray();
    }

    /// <summary>The column titles of <see cref="Rows"/>.</summary>
    public static IReadOnlyList<string> Columns => Header;

    // Terminal control characters in evidence must not reach a console (they could rewrite what the reviewer sees).
    private static string Printable(string text) => new(text.Select(c => char.IsControl(c) ? '?' : c).ToArray());
}
