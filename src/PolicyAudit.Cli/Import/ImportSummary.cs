namespace PolicyAudit.Cli;

/// <summary>What an import wrote (or, with nothing new, would have written).</summary>
internal sealed record ImportSummary(int Policies, int Decisions, int Overrides, int UnauthorizedOverrides, int Outcomes, int Skipped)
{
    public int Written => Policies + Decisions + Overrides + Outcomes;

    public override string ToString() =>
        $"Imported {Written} records: {Policies} policies, {Decisions} decisions, {Overrides} overrides ({UnauthorizedOverrides} without the required authority), {Outcomes} outcomes"
        + (Skipped > 0 ? $"; skipped {Skipped} already in the store." : ".");
}
