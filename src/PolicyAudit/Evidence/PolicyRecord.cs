namespace PolicyAudit;

/// <summary>A policy of the catalog, as evidence: reviews take titles, owners and authority from these.</summary>
public sealed record PolicyRecord : EvidenceRecord
{
    /// <inheritdoc />
    public override EvidenceKind Kind => EvidenceKind.Policy;

    /// <summary>The policy id.</summary>
    public required string PolicyId { get; init; }

    /// <summary>The policy's title.</summary>
    public required string Title { get; init; }

    /// <summary>Who owns the policy; null when unknown.</summary>
    public string? Owner { get; init; }

    /// <summary>The lowest role that may override the policy without an approver.</summary>
    public required StaffRole OverridableBy { get; init; }

    /// <summary>Why the policy exists; null when unknown.</summary>
    public string? Rationale { get; init; }

    /// <summary>The policy's definition hash; null for imported policies.</summary>
    public string? Version { get; init; }

    /// <summary>The record id for a policy at a version: the id alone when unversioned, else <c>id@version</c>.</summary>
    /// <param name="policyId">The policy id.</param>
    /// <param name="version">The policy's definition hash, or null.</param>
    /// <returns>The record id.</returns>
    public static string RecordIdFor(string policyId, string? version) =>
        version is null ? policyId : policyId + "@" + version;
}
