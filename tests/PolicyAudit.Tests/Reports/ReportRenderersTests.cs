using System.Text.Json;

namespace PolicyAudit.Tests.Reports;

public sealed class ReportRenderersTests
{
    [Fact]
    public async Task RenderJson_FixedEvidence_MatchesApprovedSnapshot()
    {
        var review = await ReportScenario.ReviewAsync();

        var json = ReportRenderers.RenderToString(review, ReportFormat.Json);

        ApprovedFile.Verify(json, "review-report", "json");
    }

    [Fact]
    public async Task RenderJson_Policies_CarryEveryFigureInCamelCase()
    {
        var review = await ReportScenario.ReviewAsync();

        using var json = JsonDocument.Parse(ReportRenderers.RenderToString(review, ReportFormat.Json));

        var root = json.RootElement;
        Assert.Equal("2026-03-02T18:00:00Z", root.GetProperty("window").GetProperty("from").GetString());
        Assert.Equal(3, root.GetProperty("droppedDecisions").GetInt64());
        var policy = root.GetProperty("policies").EnumerateArray().Single(p => p.GetProperty("id").GetString() == "no-substitutions");
        string[] figures =
        [
            "id", "title", "owner", "verdict", "reasons", "decisions", "denials", "overrides", "overrideRate", "escalatedOverrides",
            "unauthorizedOverrides", "distinctStaff", "distinctCustomers", "harmfulOutcomes", "topJustifications", "versions",
        ];
        Assert.All(figures, name => Assert.True(policy.TryGetProperty(name, out _), name));
        Assert.Equal("delegate", policy.GetProperty("verdict").GetString());
        Assert.Equal(0.3, policy.GetProperty("overrideRate").GetDouble());
        var repeat = Assert.Single(root.GetProperty("repeatCustomers").EnumerateArray());
        Assert.Equal("table-12", repeat.GetProperty("customer").GetString());
        Assert.Equal(4, repeat.GetProperty("overrides").GetInt32());
    }

    [Fact]
    public async Task RenderHtml_HostileEvidenceText_IsEscaped()
    {
        var review = await ReportScenario.ReviewAsync(ReportScenario.Hostile);

        var html = ReportRenderers.RenderToString(review, ReportFormat.Html);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\"quoted\"", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;", html, StringComparison.Ordinal);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderHtml_Review_HasSummaryFirstThenSectionsWithCharts()
    {
        var review = await ReportScenario.ReviewAsync();

        var html = ReportRenderers.RenderToString(review, ReportFormat.Html);

        var summary = html.IndexOf("<table class=\"summary\">", StringComparison.Ordinal);
        Assert.True(summary > 0);
        Assert.True(summary < html.IndexOf("<section", StringComparison.Ordinal));
        Assert.Equal(3, CountOf(html, "<section id=\"policy-"));
        Assert.Equal(2, CountOf(html, "<svg "));
        Assert.Contains("3 decisions were dropped", html, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"without-decisions\">No decisions in the window</h2>\n<p class=\"muted\">Gift vouchers only at the bar (gift-vouchers).</p>", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("id=\"without-decisions\"", StringComparison.Ordinal) > html.LastIndexOf("<section", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RenderCsv_ParsedBack_EqualsTheReview()
    {
        var review = await ReportScenario.ReviewAsync("Title, with \"quotes\"\nand a line break");

        var csv = ReportRenderers.RenderToString(review, ReportFormat.Csv);

        var rows = new CsvRecordReader(new StringReader(csv)).ReadAll().ToList();
        Assert.Equal(CsvReportRenderer.Columns, rows[0].Fields);
        Assert.Equal(review.Policies.Count + review.PoliciesWithoutDecisions.Count + 1, rows.Count);
        Assert.Contains("\r\n", csv, StringComparison.Ordinal);
        foreach (var (policy, row) in review.Policies.Zip(rows.Skip(1)))
        {
            var field = (string name) => row.Fields[Array.IndexOf(CsvReportRenderer.Columns, name)];
            Assert.Equal(policy.Id, field("id"));
            Assert.Equal(policy.Title, field("title"));
            Assert.Equal(policy.Owner ?? string.Empty, field("owner"));
            Assert.Equal(VerdictNames.Of(policy.Verdict), field("verdict"));
            Assert.Equal(policy.Decisions, int.Parse(field("decisions"), System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(policy.Denials, int.Parse(field("denials"), System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(policy.Overrides, int.Parse(field("overrides"), System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(policy.OverrideRate, double.Parse(field("override_rate"), System.Globalization.CultureInfo.InvariantCulture), 4);
            Assert.Equal(policy.HarmfulOutcomes, int.Parse(field("harmful_outcomes"), System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(string.Join(" ", policy.Reasons), field("reasons"));
        }
    }

    [Fact]
    public async Task Render_EveryFormat_CarriesTheSuggestionAndItsSupport()
    {
        var review = await ReportScenario.ReviewAsync();

        var csv = new CsvRecordReader(new StringReader(ReportRenderers.RenderToString(review, ReportFormat.Csv))).ReadAll().ToList();
        var markdown = ReportRenderers.RenderToString(review, ReportFormat.Markdown);
        var html = ReportRenderers.RenderToString(review, ReportFormat.Html);

        var row = csv.Single(r => r.Fields[0] == "no-substitutions").Fields;
        Assert.Equal("SubstitutionRequest.Reason == \"allergy\"", row[Array.IndexOf(CsvReportRenderer.Columns, "suggestion")]);
        Assert.Equal("24 of 30 overrides, 4 of 70 upheld denials", row[Array.IndexOf(CsvReportRenderer.Columns, "suggestion_support")]);
        Assert.Contains("**Suggested change:** `SubstitutionRequest.Reason == \"allergy\"` (24 of 30 overrides, 4 of 70 upheld denials). Let front-line staff", markdown, StringComparison.Ordinal);
        Assert.Contains("<code>SubstitutionRequest.Reason == &quot;allergy&quot;</code> <span class=\"muted\">(24 of 30 overrides, 4 of 70 upheld denials)</span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void CsvText_FormulaLikeText_IsDefused()
    {
        Assert.Equal("'=HYPERLINK(\"\"x\"\")", CsvText.Text("=HYPERLINK(\"x\")").Trim('"'));
        Assert.Equal("plain", CsvText.Text("plain"));
    }

    [Fact]
    public async Task RenderMarkdown_HostileEvidenceText_CannotBreakTheTable()
    {
        var review = await ReportScenario.ReviewAsync(ReportScenario.Hostile);

        var markdown = ReportRenderers.RenderToString(review, ReportFormat.Markdown);

        Assert.Contains("&lt;script&gt;", markdown, StringComparison.Ordinal);
        Assert.Contains("\\| pipe", markdown, StringComparison.Ordinal);
        var tableRows = markdown.Split('\n').SkipWhile(l => !l.StartsWith("| Policy", StringComparison.Ordinal)).TakeWhile(l => l.StartsWith('|')).ToArray();
        Assert.Equal(review.Policies.Count + 2, tableRows.Length);
        Assert.All(tableRows.Skip(2), row => Assert.Equal(11, row.Replace("\\|", string.Empty, StringComparison.Ordinal).Count(c => c == '|')));
    }

    [Fact]
    public async Task VerdictTable_Review_OneAlignedRowPerPolicy()
    {
        var review = await ReportScenario.ReviewAsync();

        var table = VerdictTable.Render(review);

        var lines = table.TrimEnd('\n').Split('\n');
        Assert.StartsWith("Policy", lines[0], StringComparison.Ordinal);
        Assert.Matches(@"^no-substitutions\s+delegate\s+100\s+30\s+30%\s+21\.9% to 39\.6%\s+0\s+chef$", lines[2]);
        Assert.Equal("3 decisions were dropped before reaching the evidence store.", lines[^1]);
    }

    [Theory]
    [InlineData(ReportFormat.Html, "No customer received 3 or more overrides.")]
    [InlineData(ReportFormat.Markdown, "Window: all evidence.")]
    [InlineData(ReportFormat.Json, "\"policies\": []")]
    [InlineData(ReportFormat.Csv, "id,title,owner")]
    public async Task Render_EmptyStore_WritesAnEmptyReport(ReportFormat format, string expected)
    {
        var review = await EvidenceReview.RunAsync(new InMemoryEvidenceStore(), EvidenceWindow.All);

        var report = ReportRenderers.RenderToString(review, format);

        Assert.Contains(expected, report, StringComparison.Ordinal);
        Assert.Equal("Policy  Verdict  Denials  Overrides  Rate  95% interval  Harmful  Owner\n", VerdictTable.Render(review).Split('\n')[0] + "\n");
    }

    [Fact]
    public void TryParseFormat_UserSpellings_Parsed()
    {
        Assert.True(ReportRenderers.TryParseFormat("md", out var markdown));
        Assert.Equal(ReportFormat.Markdown, markdown);
        Assert.True(ReportRenderers.TryParseFormat(".HTML", out var html));
        Assert.Equal(ReportFormat.Html, html);
        Assert.False(ReportRenderers.TryParseFormat("pdf", out _));
    }

    [Fact]
    public async Task WriteFile_Report_WritesCompleteFile()
    {
        var review = await ReportScenario.ReviewAsync();
        var path = Path.Combine(Path.GetTempPath(), "policyaudit-" + Guid.NewGuid().ToString("N") + ".md");
        try
        {
            ReportRenderers.WriteFile(review, ReportFormat.Markdown, path);

            Assert.Equal(ReportRenderers.RenderToString(review, ReportFormat.Markdown), File.ReadAllText(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
