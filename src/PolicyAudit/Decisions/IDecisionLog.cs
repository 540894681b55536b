namespace PolicyAudit;

/// <summary>
/// The queue between <see cref="IPolicyEngine.Evaluate"/> and the evidence store: decisions are buffered and written
/// in batches by a background writer. If the buffer overflows, the number dropped is itself recorded as evidence
/// (<see cref="DroppedDecisionsRecord"/>); nothing is lost silently. The log is flushed when it is disposed and when
/// the host stops. Thread-safe.
/// </summary>
public interface IDecisionLog
{
    /// <summary>How many decisions were dropped because the buffer was full, since the application started.</summary>
    long DroppedCount { get; }

    /// <summary>How many decisions have been written to the evidence store, since the application started.</summary>
    long WrittenCount { get; }

    /// <summary>
    /// Waits until every decision queued before the call (and the count of any dropped ones) is in the evidence store.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting; the decisions are still written.</param>
    /// <returns>A task that completes when the flush is done.</returns>
    /// <exception cref="ObjectDisposedException">The log was disposed.</exception>
    Task FlushAsync(CancellationToken cancellationToken = default);
}
