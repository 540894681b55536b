namespace PolicyAudit;

/// <summary>The formats a review can be rendered in.</summary>
public enum ReportFormat
{
    /// <summary>One self-contained HTML page (styles and charts inline) that opens offline in a browser.</summary>
    Html = 0,

    /// <summary>Markdown, for pasting into a ticket.</summary>
    Markdown = 1,

    /// <summary>JSON (camelCase), for tools; the schema is documented in the CLI's README.</summary>
    Json = 2,

    /// <summary>CSV (RFC 4180), one row per policy, for spreadsheets.</summary>
    Csv = 3,
}
