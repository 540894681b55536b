namespace PolicyAudit;

/// <summary>
/// Durable, append-only, hash-chained evidence: decisions, overrides, refusals, outcomes, policies and drop counts.
/// Every record is chained to the one before it (SHA-256 over a canonical encoding and the previous hash), so a
/// changed, deleted or reordered record is detected by <see cref="VerifyAsync"/>. Implementations are thread-safe.
/// </summary>
public interface IEvidenceStore : IAsyncDisposable
{
    /// <summary>
    /// Appends <paramref name="records"/> in order, atomically: either all land, chained, or none does.
    /// </summary>
    /// <param name="records">The records; their (kind, id) pairs must be new to the store and distinct.</param>
    /// <param name="durability">Whether the call returns only after the records are on stable storage.</param>
    /// <param name="cancellationToken">Cancels before the append begins.</param>
    /// <returns>Each record's place in the chain, in the order given.</returns>
    /// <exception cref="DuplicateEvidenceException">A record's (kind, id) is already stored or repeated in the batch.</exception>
    /// <exception cref="ObjectDisposedException">The store was disposed.</exception>
    Task<IReadOnlyList<ChainCheckpoint>> AppendAsync(
        IReadOnlyList<EvidenceRecord> records,
        AppendDurability durability,
        CancellationToken cancellationToken = default);

    /// <summary>Streams the records whose <see cref="EvidenceRecord.At"/> falls in <paramref name="window"/>, in chain order.</summary>
    /// <param name="window">The time window.</param>
    /// <param name="cancellationToken">Stops the stream.</param>
    /// <returns>The stored records, with their chain positions.</returns>
    IAsyncEnumerable<StoredEvidence> ReadAsync(EvidenceWindow window, CancellationToken cancellationToken = default);

    /// <summary>
    /// Streams the records about <paramref name="customer"/> whose time falls in <paramref name="window"/>, in chain
    /// order: the decisions, overrides and refused overrides that name the customer, and the outcomes in the window of
    /// any decision those records belong to. Answered by index, at point-of-service speed: it does not read the chain.
    /// </summary>
    /// <param name="customer">The customer's id, as in <see cref="ServiceContext.Customer"/>.</param>
    /// <param name="window">The time window.</param>
    /// <param name="cancellationToken">Stops the stream.</param>
    /// <returns>The stored records, with their chain positions.</returns>
    /// <exception cref="ArgumentException"><paramref name="customer"/> is empty.</exception>
    IAsyncEnumerable<StoredEvidence> ReadCustomerAsync(string customer, EvidenceWindow window, CancellationToken cancellationToken = default);

    /// <summary>
    /// Streams every record that belongs to one of <paramref name="decisionIds"/>, whenever it was recorded, in chain
    /// order: the decision itself, its overrides, refused overrides and outcomes. Answered by index.
    /// </summary>
    /// <param name="decisionIds">The decision ids; repeats are ignored.</param>
    /// <param name="cancellationToken">Stops the stream.</param>
    /// <returns>The stored records, with their chain positions.</returns>
    /// <exception cref="ArgumentException">An id is null.</exception>
    IAsyncEnumerable<StoredEvidence> ReadForDecisionsAsync(IReadOnlyCollection<string> decisionIds, CancellationToken cancellationToken = default);

    /// <summary>Streams the records of <paramref name="kinds"/> whose time falls in <paramref name="window"/>, in chain order. Answered by index.</summary>
    /// <param name="kinds">The kinds of record; repeats are ignored.</param>
    /// <param name="window">The time window.</param>
    /// <param name="cancellationToken">Stops the stream.</param>
    /// <returns>The stored records, with their chain positions.</returns>
    IAsyncEnumerable<StoredEvidence> ReadKindsAsync(IReadOnlyCollection<EvidenceKind> kinds, EvidenceWindow window, CancellationToken cancellationToken = default);

    /// <summary>Which of <paramref name="ids"/> are already stored as records of <paramref name="kind"/>.</summary>
    /// <param name="kind">The kind of record.</param>
    /// <param name="ids">The ids to look for.</param>
    /// <param name="cancellationToken">Cancels the look-up.</param>
    /// <returns>The ids that are stored.</returns>
    Task<IReadOnlySet<string>> FindExistingAsync(EvidenceKind kind, IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default);

    /// <summary>The newest record's place in the chain; null when the store is empty. Export it as a checkpoint.</summary>
    /// <param name="cancellationToken">Cancels the look-up.</param>
    /// <returns>The head of the chain, or null.</returns>
    Task<ChainCheckpoint?> GetHeadAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Re-computes the whole chain and checks every record; with a <paramref name="checkpoint"/>, also proves the store
    /// still holds that record with that hash (a plain chain cannot see its newest records cut off).
    /// </summary>
    /// <param name="checkpoint">A head exported earlier, or null.</param>
    /// <param name="cancellationToken">Stops the verification.</param>
    /// <returns>The result, naming the first bad record when there is one.</returns>
    Task<ChainVerification> VerifyAsync(ChainCheckpoint? checkpoint = null, CancellationToken cancellationToken = default);
}
