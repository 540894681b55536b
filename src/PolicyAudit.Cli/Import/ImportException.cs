namespace PolicyAudit.Cli;

/// <summary>An import refused at a line of a source; the message reads <c>SOURCE:LINE: what is wrong</c>.</summary>
internal sealed class ImportException(SourceLine where, string problem) : Exception($"{where}: {problem}")
{
    public SourceLine Where { get; } = where;

    public string Problem { get; } = problem;
}
