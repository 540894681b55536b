namespace PolicyAudit;

/// <summary>Renders a <see cref="Review"/> in one format. Implementations are stateless and thread-safe.</summary>
public interface IReportRenderer
{
    /// <summary>The format this renderer writes.</summary>
    ReportFormat Format { get; }

    /// <summary>The usual file extension of the format, with its dot (<c>.html</c>).</summary>
    string FileExtension { get; }

    /// <summary>Writes <paramref name="review"/> to <paramref name="output"/>. Every value that comes from evidence is escaped for the format.</summary>
    /// <param name="review">The review.</param>
    /// <param name="output">Where to write; not closed.</param>
    void Render(Review review, TextWriter output);
}
