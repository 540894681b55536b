using System.Runtime.CompilerServices;

namespace PolicyAudit;

/// <summary>
/// An evidence store in memory, for tests and demos: the same contract as the durable stores (atomic appends,
/// duplicate refusal, hash chain, verification), but nothing survives the process. Thread-safe.
/// </summary>
public sealed class InMemoryEvidenceStore : IEvidenceStore
{
    private readonly object _gate = new();
    private readonly List<RawEvidence> _rows = [];
    private readonly HashSet<(EvidenceKind Kind, string Id)> _keys = [];
    private bool _disposed;

    /// <summary>How many records the store holds.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _rows.Count;
            }
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ChainCheckpoint>> AppendAsync(
        IReadOnlyList<EvidenceRecord> records,
        AppendDurability durability,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        cancellationToken.ThrowIfCancellationRequested();
        var encoded = records.Select(r => (Record: r ?? throw new ArgumentException("A record is null.", nameof(records)), Payload: EvidenceCodec.Encode(r))).ToArray();
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var batchKeys = new HashSet<(EvidenceKind, string)>();
            foreach (var (record, _) in encoded)
            {
                if (_keys.Contains((record.Kind, record.Id)) || !batchKeys.Add((record.Kind, record.Id)))
                {
                    throw new DuplicateEvidenceException(record.Kind, record.Id);
                }
            }

            var links = new ChainCheckpoint[encoded.Length];
            var previous = _rows.Count == 0 ? EvidenceChain.GenesisHash : _rows[^1].Hash;
            for (var i = 0; i < encoded.Length; i++)
            {
                var (record, payload) = encoded[i];
                long sequence = _rows.Count + 1;
                var hash = EvidenceChain.ComputeHash(previous, sequence, payload);
                _rows.Add(new RawEvidence(sequence, WireNames.Of(record.Kind), record.Id, EvidenceCodec.Normalize(record.At), payload, previous, hash, EvidenceQueryColumns.Of(record)));
                _keys.Add((record.Kind, record.Id));
                links[i] = new ChainCheckpoint(sequence, hash);
                previous = hash;
            }

            return Task.FromResult<IReadOnlyList<ChainCheckpoint>>(links);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<StoredEvidence> ReadAsync(
        EvidenceWindow window,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(window);
        foreach (var row in Snapshot())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (window.Contains(row.At))
            {
                yield return new StoredEvidence(row.Sequence, EvidenceCodec.Decode(row.Payload), row.Hash);
            }
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<StoredEvidence> ReadCustomerAsync(string customer, EvidenceWindow window, CancellationToken cancellationToken = default)
    {
        EvidenceQueryArguments.CheckCustomer(customer, window);
        var rows = Snapshot();
        return EvidenceScan.CustomerAsync(() => AsyncSequence.From(rows), Decode, customer, window, cancellationToken);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<StoredEvidence> ReadForDecisionsAsync(IReadOnlyCollection<string> decisionIds, CancellationToken cancellationToken = default) =>
        EvidenceScan.ForDecisionsAsync(AsyncSequence.From(Snapshot()), Decode, EvidenceQueryArguments.DecisionIds(decisionIds), cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<StoredEvidence> ReadKindsAsync(IReadOnlyCollection<EvidenceKind> kinds, EvidenceWindow window, CancellationToken cancellationToken = default) =>
        EvidenceScan.KindsAsync(AsyncSequence.From(Snapshot()), Decode, EvidenceQueryArguments.Kinds(kinds, window), window, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlySet<string>> FindExistingAsync(EvidenceKind kind, IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return Task.FromResult<IReadOnlySet<string>>(ids.Where(id => _keys.Contains((kind, id))).ToHashSet(StringComparer.Ordinal));
        }
    }

    /// <inheritdoc />
    public Task<ChainCheckpoint?> GetHeadAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return Task.FromResult(_rows.Count == 0 ? null : new ChainCheckpoint(_rows[^1].Sequence, _rows[^1].Hash));
        }
    }

    /// <inheritdoc />
    public Task<ChainVerification> VerifyAsync(ChainCheckpoint? checkpoint = null, CancellationToken cancellationToken = default) =>
        EvidenceChainVerifier.VerifyAsync(AsyncSequence.From(Snapshot()), checkpoint, static _ => false, cancellationToken);

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            _disposed = true;
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Replaces a stored row, bypassing the chain: lets tests prove that verification sees tampering.</summary>
    internal void TamperWith(long sequence, Func<RawEvidence, RawEvidence> change)
    {
        lock (_gate)
        {
            var index = _rows.FindIndex(r => r.Sequence == sequence);
            _rows[index] = change(_rows[index]);
        }
    }

    /// <summary>Removes a stored row, bypassing the chain: lets tests prove that verification sees deletions.</summary>
    internal void RemoveForTest(long sequence)
    {
        lock (_gate)
        {
            _rows.RemoveAll(r => r.Sequence == sequence);
        }
    }

    private static EvidenceRecord Decode(RawEvidence row) => EvidenceCodec.Decode(row.Payload);

    private RawEvidence[] Snapshot()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return [.. _rows];
        }
    }
}
