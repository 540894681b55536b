namespace PolicyAudit;

/// <summary>
/// Records staff overrides of decisions as durable, hash-chained evidence. Thread-safe.
/// </summary>
public interface IOverrideRecorder
{
    /// <summary>
    /// Overrides <paramref name="decision"/>: checks that the override is permitted, appends it durably to the evidence
    /// chain and only then returns the receipt. A refused attempt is recorded as evidence too.
    /// </summary>
    /// <param name="decision">The decision being overridden; must not be an Allow.</param>
    /// <param name="by">Who overrides.</param>
    /// <param name="justification">
    /// Why, in the staff member's words; blank or placeholder text ("n/a", "ok", also in other cases, accents or
    /// look-alike letters) is refused. At most <see cref="EvidenceLimits.TextLength"/> characters.
    /// </param>
    /// <param name="approvedBy">Who approved, when <paramref name="by"/> lacks the policy's authority.</param>
    /// <param name="cancellationToken">Cancels the wait; an override whose append already began may still land.</param>
    /// <returns>The receipt: the override id and its place in the evidence chain.</returns>
    /// <exception cref="OverrideRefusedException">
    /// The override is not permitted; <see cref="OverrideRefusedException.Reason"/> says why. A decision is overridden
    /// at most once: a second attempt, even a concurrent one, is refused as
    /// <see cref="OverrideRefusalReason.AlreadyOverridden"/>. An approver is refused when they are the overriding staff
    /// member, ids compared ignoring case and Unicode normalisation.
    /// </exception>
    /// <exception cref="ArgumentException">The justification is longer than <see cref="EvidenceLimits.TextLength"/> (nothing is recorded).</exception>
    Task<OverrideReceipt> OverrideAsync(
        Decision decision,
        StaffMember by,
        string justification,
        StaffMember? approvedBy = null,
        CancellationToken cancellationToken = default);
}
