namespace PolicyAudit;

/// <summary>A policy of the catalog: what the <see cref="PolicyAttribute"/> declares, and the policy's own version. Immutable.</summary>
/// <param name="Id">The policy id (kebab-case).</param>
/// <param name="Title">The policy's title (the id when none was given).</param>
/// <param name="Owner">Who owns the policy; null when unknown.</param>
/// <param name="OverridableBy">The lowest role that may override the policy without an approver.</param>
/// <param name="Rationale">Why the policy exists, for customers; null when none was given.</param>
/// <param name="Version">A hash of this policy's definition; null for policies known only from imported evidence.</param>
public sealed record PolicyDescriptor(
    string Id,
    string Title,
    string? Owner,
    StaffRole OverridableBy,
    string? Rationale,
    string? Version);
