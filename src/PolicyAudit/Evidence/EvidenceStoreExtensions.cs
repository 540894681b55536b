namespace PolicyAudit;

/// <summary>The typed appends every part of PolicyAudit uses, over <see cref="IEvidenceStore.AppendAsync"/>.</summary>
public static class EvidenceStoreExtensions
{
    /// <summary>Appends an accepted override durably: it is on stable storage when the returned task completes.</summary>
    /// <param name="store">The store.</param>
    /// <param name="record">The override.</param>
    /// <param name="cancellationToken">Cancels before the append begins.</param>
    /// <returns>The override's place in the chain.</returns>
    public static Task<ChainCheckpoint> AppendOverrideAsync(this IEvidenceStore store, OverrideRecord record, CancellationToken cancellationToken = default) =>
        AppendOneAsync(store, record, cancellationToken);

    /// <summary>Appends a refused override attempt durably.</summary>
    /// <param name="store">The store.</param>
    /// <param name="record">The refusal.</param>
    /// <param name="cancellationToken">Cancels before the append begins.</param>
    /// <returns>The record's place in the chain.</returns>
    public static Task<ChainCheckpoint> AppendRefusalAsync(this IEvidenceStore store, RefusedOverrideRecord record, CancellationToken cancellationToken = default) =>
        AppendOneAsync(store, record, cancellationToken);

    /// <summary>Appends an outcome durably.</summary>
    /// <param name="store">The store.</param>
    /// <param name="record">The outcome.</param>
    /// <param name="cancellationToken">Cancels before the append begins.</param>
    /// <returns>The record's place in the chain.</returns>
    public static Task<ChainCheckpoint> AppendOutcomeAsync(this IEvidenceStore store, OutcomeRecord record, CancellationToken cancellationToken = default) =>
        AppendOneAsync(store, record, cancellationToken);

    /// <summary>Appends a batch of decisions in one transaction (high volume; the flush to disk may be deferred).</summary>
    /// <param name="store">The store.</param>
    /// <param name="batch">The decisions.</param>
    /// <param name="cancellationToken">Cancels before the append begins.</param>
    /// <returns>The records' places in the chain.</returns>
    public static Task<IReadOnlyList<ChainCheckpoint>> AppendDecisionsAsync(this IEvidenceStore store, IReadOnlyList<DecisionRecord> batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.AppendAsync(batch, AppendDurability.Batched, cancellationToken);
    }

    /// <summary>Appends a count of dropped decisions durably.</summary>
    /// <param name="store">The store.</param>
    /// <param name="record">The count.</param>
    /// <param name="cancellationToken">Cancels before the append begins.</param>
    /// <returns>The record's place in the chain.</returns>
    public static Task<ChainCheckpoint> AppendDroppedDecisionsAsync(this IEvidenceStore store, DroppedDecisionsRecord record, CancellationToken cancellationToken = default) =>
        AppendOneAsync(store, record, cancellationToken);

    private static async Task<ChainCheckpoint> AppendOneAsync(IEvidenceStore store, EvidenceRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(record);
        var links = await store.AppendAsync([record], AppendDurability.Durable, cancellationToken).ConfigureAwait(false);
        return links[0];
    }
}
