namespace PolicyAudit.Cli;

/// <summary>Everything read from the sources of one import, in source order. Not thread-safe.</summary>
internal sealed class ImportBatch
{
    public List<ImportedPolicy> Policies { get; } = [];

    public List<ImportedDecision> Decisions { get; } = [];

    public List<ImportedOverride> Overrides { get; } = [];

    public List<ImportedOutcome> Outcomes { get; } = [];

    public int Count => Policies.Count + Decisions.Count + Overrides.Count + Outcomes.Count;
}
