namespace PolicyAudit;

/// <summary>
/// A policy's figures under one version of its definition, so an owner can see whether a change helped. Immutable.
/// </summary>
/// <param name="Version">The policy's definition hash (<see cref="PolicyRecord.Version"/>); null for imported or unversioned evidence.</param>
/// <param name="Decisions">Decisions in which the policy fired under this version.</param>
/// <param name="Denials">Those that were not Allow.</param>
/// <param name="Overrides">Overrides of decisions made under this version.</param>
public sealed record PolicyVersionFigures(string? Version, int Decisions, int Denials, int Overrides)
{
    /// <summary>Overrides per denial; 0 when there were no denials.</summary>
    public double OverrideRate => Denials == 0 ? 0 : (double)Overrides / Denials;
}
