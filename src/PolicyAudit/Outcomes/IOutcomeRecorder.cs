namespace PolicyAudit;

/// <summary>Records what came of a decision (a complaint, a loss, a compliment), as evidence. Thread-safe.</summary>
public interface IOutcomeRecorder
{
    /// <summary>Appends an outcome for the decision with id <paramref name="decisionId"/>.</summary>
    /// <param name="decisionId">The id of the decision the outcome belongs to (normalised like every identifier).</param>
    /// <param name="kind">What came of it.</param>
    /// <param name="note">Free text of at most <see cref="EvidenceLimits.TextLength"/> characters; may be null.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The outcome record's id.</returns>
    /// <exception cref="ArgumentException">The decision id is not a valid identifier, or the note is too long.</exception>
    Task<string> RecordAsync(string decisionId, OutcomeKind kind, string? note = null, CancellationToken cancellationToken = default);
}
