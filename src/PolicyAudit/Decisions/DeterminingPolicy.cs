namespace PolicyAudit;

/// <summary>A policy that fired in a decision, with what it said and why. Immutable.</summary>
/// <param name="PolicyId">The policy id.</param>
/// <param name="Title">The policy's title.</param>
/// <param name="Outcome">What this policy said.</param>
/// <param name="Reason">The reason the policy gave for this request.</param>
/// <param name="Rationale">Why the policy exists, in words staff can read out to a customer; null when none.</param>
/// <param name="OverridableBy">The lowest role that may override this policy without an approver.</param>
/// <remarks>The id is normalised like every identifier (<see cref="ServiceContext"/>); the title may have at most
/// <see cref="EvidenceLimits.TitleLength"/> characters and the reason and rationale <see cref="EvidenceLimits.TextLength"/>.</remarks>
public sealed record DeterminingPolicy(
    string PolicyId,
    string Title,
    DecisionOutcome Outcome,
    string Reason,
    string? Rationale,
    StaffRole OverridableBy)
{
    /// <summary>The policy id, trimmed and in Unicode normalisation form C.</summary>
    public string PolicyId { get; } = UnicodeText.Identifier(PolicyId, nameof(PolicyId));

    /// <summary>The policy's title.</summary>
    public string Title { get; } = UnicodeText.FreeText(Title, nameof(Title), EvidenceLimits.TitleLength) ?? throw new ArgumentNullException(nameof(Title));

    /// <summary>The reason the policy gave for this request.</summary>
    public string Reason { get; } = UnicodeText.FreeText(Reason, nameof(Reason)) ?? throw new ArgumentNullException(nameof(Reason));

    /// <summary>Why the policy exists; null when none.</summary>
    public string? Rationale { get; } = UnicodeText.FreeText(Rationale, nameof(Rationale));
}
