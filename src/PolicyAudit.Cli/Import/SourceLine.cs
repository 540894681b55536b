namespace PolicyAudit.Cli;

/// <summary>Where an imported record came from: the source as the user named it, and the line (from 1).</summary>
internal readonly record struct SourceLine(string Source, int Line)
{
    public override string ToString() => Line > 0 ? $"{Source}:{Line}" : Source;
}
