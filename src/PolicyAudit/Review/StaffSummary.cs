namespace PolicyAudit;

/// <summary>What one member of staff did in the window. Immutable.</summary>
/// <param name="Staff">The staff member's id.</param>
/// <param name="Decisions">Decisions made while they served.</param>
/// <param name="Overrides">Overrides they made.</param>
/// <param name="EscalatedOverrides">Of those, the ones an approver signed.</param>
/// <param name="UnauthorizedOverrides">Of those, the ones above their authority with no approver.</param>
/// <param name="RefusedOverrides">Override attempts of theirs that were refused.</param>
/// <param name="Policies">The ids of the policies they overrode, in id order.</param>
public sealed record StaffSummary(
    string Staff,
    int Decisions,
    int Overrides,
    int EscalatedOverrides,
    int UnauthorizedOverrides,
    int RefusedOverrides,
    IReadOnlyList<string> Policies);
