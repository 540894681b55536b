using PolicyAudit.Cli;

namespace PolicyAudit.Reliability.Tests;

/// <summary>
/// Hands the tool one store the test owns, whatever <c>--store</c> says, and keeps it open when the tool disposes it,
/// so the test can look at it afterwards.
/// </summary>
internal sealed class BorrowedStore(IEvidenceStore store) : IStoreOpener, IEvidenceStore
{
    public Task<IEvidenceStore> OpenAsync(string name, bool mustExist, CancellationToken cancellationToken) => Task.FromResult<IEvidenceStore>(this);

    public Task<IReadOnlyList<ChainCheckpoint>> AppendAsync(IReadOnlyList<EvidenceRecord> records, AppendDurability durability, CancellationToken cancellationToken = default) =>
        store.AppendAsync(records, durability, cancellationToken);

    public IAsyncEnumerable<StoredEvidence> ReadAsync(EvidenceWindow window, CancellationToken cancellationToken = default) => store.ReadAsync(window, cancellationToken);

    public IAsyncEnumerable<StoredEvidence> ReadCustomerAsync(string customer, EvidenceWindow window, CancellationToken cancellationToken = default) =>
        store.ReadCustomerAsync(customer, window, cancellationToken);

    public IAsyncEnumerable<StoredEvidence> ReadForDecisionsAsync(IReadOnlyCollection<string> decisionIds, CancellationToken cancellationToken = default) =>
        store.ReadForDecisionsAsync(decisionIds, cancellationToken);

    public IAsyncEnumerable<StoredEvidence> ReadKindsAsync(IReadOnlyCollection<EvidenceKind> kinds, EvidenceWindow window, CancellationToken cancellationToken = default) =>
        store.ReadKindsAsync(kinds, window, cancellationToken);

    public Task<IReadOnlySet<string>> FindExistingAsync(EvidenceKind kind, IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default) =>
        store.FindExistingAsync(kind, ids, cancellationToken);

    public Task<ChainCheckpoint?> GetHeadAsync(CancellationToken cancellationToken = default) => store.GetHeadAsync(cancellationToken);

    public Task<ChainVerification> VerifyAsync(ChainCheckpoint? checkpoint = null, CancellationToken cancellationToken = default) => store.VerifyAsync(checkpoint, cancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
