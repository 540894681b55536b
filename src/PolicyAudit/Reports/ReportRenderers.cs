namespace PolicyAudit;

/// <summary>The renderer of each <see cref="ReportFormat"/>. Thread-safe.</summary>
public static class ReportRenderers
{
    private static readonly IReportRenderer Html = new HtmlReportRenderer();
    private static readonly IReportRenderer Markdown = new MarkdownReportRenderer();
    private static readonly IReportRenderer Json = new JsonReportRenderer();
    private static readonly IReportRenderer Csv = new CsvReportRenderer();

    /// <summary>The renderer of <paramref name="format"/>.</summary>
    /// <param name="format">The format.</param>
    /// <returns>Its renderer.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The format is not one of <see cref="ReportFormat"/>.</exception>
    public static IReportRenderer For(ReportFormat format) => format switch
    {
        ReportFormat.Html => Html,
        ReportFormat.Markdown => Markdown,
        ReportFormat.Json => Json,
        ReportFormat.Csv => Csv,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown report format."),
    };

    /// <summary>Parses a format name as users type it: <c>html</c>, <c>md</c> (or <c>markdown</c>), <c>json</c>, <c>csv</c>; case-insensitive.</summary>
    /// <param name="text">The name, or a file extension with its dot.</param>
    /// <param name="format">The format, when the name is known.</param>
    /// <returns>True when the name is known.</returns>
    public static bool TryParseFormat(string? text, out ReportFormat format)
    {
        switch (text?.Trim().TrimStart('.').ToLowerInvariant())
        {
            case "html":
            case "htm":
                format = ReportFormat.Html;
                return true;
            case "md":
            case "markdown":
                format = ReportFormat.Markdown;
                return true;
            case "json":
                format = ReportFormat.Json;
                return true;
            case "csv":
                format = ReportFormat.Csv;
                return true;
            default:
                format = default;
                return false;
        }
    }

    /// <summary>Renders <paramref name="review"/> as <paramref name="format"/> into a string.</summary>
    /// <param name="review">The review.</param>
    /// <param name="format">The format.</param>
    /// <returns>The report.</returns>
    public static string RenderToString(Review review, ReportFormat format)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        For(format).Render(review, writer);
        return writer.ToString();
    }

    /// <summary>Writes <paramref name="review"/> as <paramref name="format"/> to <paramref name="path"/>, replacing the file only once the report is complete.</summary>
    /// <param name="review">The review.</param>
    /// <param name="format">The format.</param>
    /// <param name="path">The file to write.</param>
    public static void WriteFile(Review review, ReportFormat format, string path)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        var temp = Path.Combine(Path.GetDirectoryName(full) ?? ".", "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            using (var writer = new StreamWriter(temp, false, new System.Text.UTF8Encoding(false)))
            {
                For(format).Render(review, writer);
            }

            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}
