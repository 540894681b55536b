using System.Runtime.CompilerServices;

namespace PolicyAudit.Benchmarks.Shared;

/// <summary>
/// An evidence store that accepts every append and keeps nothing, so a decision benchmark measures the engine and the
/// decision buffer, not the disk, and a run of millions of decisions does not fill memory. Thread-safe.
/// </summary>
internal sealed class DiscardingEvidenceStore : IEvidenceStore
{
    private const string NoHash = "0000000000000000000000000000000000000000000000000000000000000000";
    private long _sequence;

    public long Appended => Interlocked.Read(ref _sequence);

    public Task<IReadOnlyList<ChainCheckpoint>> AppendAsync(IReadOnlyList<EvidenceRecord> records, AppendDurability durability, CancellationToken cancellationToken = default)
    {
        var links = new ChainCheckpoint[records.Count];
        for (var i = 0; i < links.Length; i++)
        {
            links[i] = new ChainCheckpoint(Interlocked.Increment(ref _sequence), NoHash);
        }

        return Task.FromResult<IReadOnlyList<ChainCheckpoint>>(links);
    }

    public async IAsyncEnumerable<StoredEvidence> ReadAsync(EvidenceWindow window, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        yield break;
    }

    public IAsyncEnumerable<StoredEvidence> ReadCustomerAsync(string customer, EvidenceWindow window, CancellationToken cancellationToken = default) =>
        ReadAsync(window, cancellationToken);

    public IAsyncEnumerable<StoredEvidence> ReadForDecisionsAsync(IReadOnlyCollection<string> decisionIds, CancellationToken cancellationToken = default) =>
        ReadAsync(EvidenceWindow.All, cancellationToken);

    public IAsyncEnumerable<StoredEvidence> ReadKindsAsync(IReadOnlyCollection<EvidenceKind> kinds, EvidenceWindow window, CancellationToken cancellationToken = default) =>
        ReadAsync(window, cancellationToken);

    public Task<IReadOnlySet<string>> FindExistingAsync(EvidenceKind kind, IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlySet<string>>(new HashSet<string>());

    public Task<ChainCheckpoint?> GetHeadAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<ChainCheckpoint?>(_sequence == 0 ? null : new ChainCheckpoint(_sequence, NoHash));

    public Task<ChainVerification> VerifyAsync(ChainCheckpoint? checkpoint = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The discarding store keeps no chain to verify.");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
