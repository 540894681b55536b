using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PolicyAudit;

/// <summary>
/// Writes a replay as Markdown, JSON (camelCase, schema in the CLI's README) or one self-contained HTML page. The
/// output depends only on the replay, so equal replays give equal bytes. Stateless and thread-safe.
/// </summary>
public static class ReplayRenderers
{
    private const string Style = """
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a1a1a; margin: 2rem; line-height: 1.4; }
        table { border-collapse: collapse; margin: 0.6rem 0; }
        th, td { border: 1px solid #c8c8c8; padding: 0.25rem 0.6rem; text-align: left; vertical-align: top; }
        th { background: #eef1f5; }
        .muted { color: #555555; }
        code { background: #f2f2f2; padding: 0 0.2rem; }
        """;

    /// <summary>Writes <paramref name="replay"/> as <paramref name="format"/>.</summary>
    /// <param name="replay">The replay.</param>
    /// <param name="format">Markdown, JSON or HTML.</param>
    /// <param name="output">Where to write.</param>
    /// <exception cref="ArgumentException"><paramref name="format"/> is CSV, which a replay does not have.</exception>
    public static void Render(Replay replay, ReportFormat format, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(replay);
        ArgumentNullException.ThrowIfNull(output);
        output.Write(format switch
        {
            ReportFormat.Markdown => Markdown(replay),
            ReportFormat.Json => Json(replay),
            ReportFormat.Html => Html(replay),
            _ => throw new ArgumentException($"A replay is written as md, json or html, not {format}.", nameof(format)),
        });
    }

    private static string Markdown(Replay replay)
    {
        static string Cell(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal)
            .Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
        var md = new StringBuilder();
        md.Append("# ").Append(Cell(ReplayText.Heading(replay))).Append("\n\n").Append(Cell(ReplayText.Summary(replay))).Append("\n\n");
        md.Append("## Whole decisions\n\n| Figure | Value |\n| --- | --- |\n");
        foreach (var (label, value) in ReplayText.Figures(replay.Overall))
        {
            md.Append("| ").Append(label).Append(" | ").Append(Cell(value)).Append(" |\n");
        }

        md.Append("\n## Policies\n\n| Policy | Status |");
        var labels = ReplayText.Figures(replay.Overall).Select(f => f.Label).ToArray();
        md.Append(string.Concat(labels.Select(l => " " + l + " |"))).Append('\n');
        md.Append("| --- | --- |").Append(string.Concat(labels.Select(_ => " --- |"))).Append('\n');
        foreach (var p in replay.Policies)
        {
            md.Append("| ").Append(Cell(p.Title)).Append(" (`").Append(Cell(p.Id)).Append("`) | ").Append(ReplayText.Of(p.Status)).Append(" |");
            foreach (var (_, value) in ReplayText.Figures(p.Figures))
            {
                md.Append(' ').Append(Cell(value)).Append(" |");
            }

            md.Append('\n');
        }

        return md.ToString();
    }

    private static string Html(Replay replay)
    {
        static string E(string text) => WebUtility.HtmlEncode(text);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(E(ReplayText.Heading(replay)))
            .Append("</title>\n<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n<h1>").Append(E(ReplayText.Heading(replay)))
            .Append("</h1>\n<p class=\"muted\">").Append(E(ReplayText.Summary(replay))).Append("</p>\n<h2>Whole decisions</h2>\n<table>\n");
        foreach (var (label, value) in ReplayText.Figures(replay.Overall))
        {
            html.Append("<tr><th>").Append(E(label)).Append("</th><td>").Append(E(value)).Append("</td></tr>\n");
        }

        html.Append("</table>\n<h2>Policies</h2>\n<table>\n<tr><th>Policy</th><th>Status</th>");
        foreach (var (label, _) in ReplayText.Figures(replay.Overall))
        {
            html.Append("<th>").Append(E(label)).Append("</th>");
        }

        html.Append("</tr>\n");
        foreach (var p in replay.Policies)
        {
            html.Append("<tr><td>").Append(E(p.Title)).Append(" <code>").Append(E(p.Id)).Append("</code></td><td>").Append(ReplayText.Of(p.Status)).Append("</td>");
            foreach (var (_, value) in ReplayText.Figures(p.Figures))
            {
                html.Append("<td>").Append(E(value)).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</table>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static string Json(Replay replay)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteWindow(replay.Window);
            json.WriteString("candidateVersion", replay.CandidateVersion);
            json.WriteNumber("decisions", replay.Decisions);
            json.WriteNumber("decisionsWithFacts", replay.DecisionsWithFacts);
            json.WritePropertyName("overall");
            WriteFigures(json, replay.Overall);
            json.WriteStartArray("policies");
            foreach (var p in replay.Policies)
            {
                json.WriteStartObject();
                json.WriteString("id", p.Id);
                json.WriteString("title", p.Title);
                json.WriteString("status", ReplayText.Of(p.Status));
                json.WriteString("evidenceVersion", p.EvidenceVersion);
                json.WriteString("candidateVersion", p.CandidateVersion);
                json.WritePropertyName("figures");
                WriteFigures(json, p.Figures);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()).ReplaceLineEndings("\n") + "\n";
    }

    private static void WriteFigures(Utf8JsonWriter json, ReplayFigures f)
    {
        json.WriteStartObject();
        json.WriteNumber("replayed", f.Replayed);
        json.WriteNumber("unchanged", f.Unchanged);
        json.WriteStartArray("changed");
        foreach (var c in f.Changed)
        {
            json.WriteStartObject();
            json.WriteString("from", WireNames.Of(c.From));
            json.WriteString("to", WireNames.Of(c.To));
            json.WriteNumber("count", c.Count);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteNumber("overriddenNowAllowed", f.OverriddenNowAllowed);
        json.WriteNumber("upheldNowAllowed", f.UpheldNowAllowed);
        json.WriteNumber("harmfulNowAllowed", f.HarmfulNowAllowed);
        json.WriteStartArray("notReplayed");
        foreach (var g in f.NotReplayed)
        {
            json.WriteStartObject();
            json.WriteString("cause", ReplayText.Of(g.Gap));
            json.WriteNumber("count", g.Count);
            json.WriteStartArray("decisionIds");
            foreach (var id in g.DecisionIds)
            {
                json.WriteStringValue(id);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
