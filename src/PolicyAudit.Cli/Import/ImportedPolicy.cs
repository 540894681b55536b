namespace PolicyAudit.Cli;

/// <summary>A policy read from an import source, validated but not yet stored.</summary>
internal sealed record ImportedPolicy(SourceLine Where, string Id, string Title, string? Owner, StaffRole OverridableBy, string? Rationale);
