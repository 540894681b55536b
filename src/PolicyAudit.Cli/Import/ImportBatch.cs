namespace PolicyAudit.Cli;

/// <summary>Everything read from the sources of one import, in source order. Not thread-safe.</summary>
internal sealed class ImportBatch
{
    /// <summary>The sources, in the order they were read.</summary>
    public List<string> Sources { get; } = [];

    public List<ImportedPolicy> Policies { get; } = [];

    public List<ImportedDecision> Decisions { get; } = [];

    public List<ImportedOverride> Overrides { get; } = [];

    public List<ImportedOutcome> Outcomes { get; } = [];

    public int SourceOrder(string source)
    {
        var index = Sources.IndexOf(source);
        return index < 0 ? int.MaxValue : index;
    }

    public int Count => Policies.Count + Decisions.Count + Overrides.Count + Outcomes.Count;
}
