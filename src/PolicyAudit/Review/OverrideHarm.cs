namespace PolicyAudit;

/// <summary>
/// A complaint or a loss recorded against a decision that staff overrode: what an exception cost. The owner of the
/// policy reads these next to the verdict to see what the rule was protecting. Immutable.
/// </summary>
/// <param name="DecisionId">The overridden decision.</param>
/// <param name="Outcome">What came of it: <see cref="OutcomeKind.Complaint"/> or <see cref="OutcomeKind.Loss"/>.</param>
/// <param name="At">When the outcome was recorded.</param>
/// <param name="Note">The outcome's note; null when none.</param>
/// <param name="Customer">The customer of the decision; null when anonymous.</param>
/// <param name="Staff">Who overrode the decision.</param>
/// <param name="Justification">Why they did, normalised.</param>
public sealed record OverrideHarm(string DecisionId, OutcomeKind Outcome, DateTimeOffset At, string? Note, string? Customer, string Staff, string Justification);
