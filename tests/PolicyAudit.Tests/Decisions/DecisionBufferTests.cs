using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace PolicyAudit.Tests.Decisions;

public sealed class DecisionBufferTests
{
    private readonly FakeTimeProvider _time = new(TestDecisions.Evening);

    [Fact]
    public async Task FlushAsync_QueuedDecisions_AreAllInTheStoreInOrder()
    {
        var store = new InMemoryEvidenceStore();
        await using var buffer = CreateBuffer(store, capacity: 100);
        var records = Enumerable.Range(0, 50).Select(_ => DecisionRecord.From(TestDecisions.Make(DecisionOutcome.Deny))).ToArray();

        foreach (var record in records)
        {
            Assert.True(buffer.Enqueue(record));
        }

        await buffer.FlushAsync();

        Assert.Equal(records.Select(r => r.Id), (await store.ReadAllAsync()).Select(s => s.Record.Id));
        Assert.Equal(50, buffer.WrittenCount);
        Assert.Equal(0, buffer.DroppedCount);
    }

    [Fact]
    public async Task Enqueue_BufferFull_CountsDropsAndRecordsTheCount()
    {
        var store = new GatedStore();
        await using var buffer = CreateBuffer(store, capacity: 4);
        buffer.Enqueue(DecisionRecord.From(TestDecisions.Make(DecisionOutcome.Allow)));
        await store.AppendEntered.Task; // the writer holds the first decision; the buffer is now empty

        var accepted = Enumerable.Range(0, 10).Count(_ => buffer.Enqueue(DecisionRecord.From(TestDecisions.Make(DecisionOutcome.Allow))));
        store.Release();
        await buffer.FlushAsync();

        var stored = await store.Inner.ReadAllAsync();
        var dropped = Assert.Single(stored.Select(s => s.Record).OfType<DroppedDecisionsRecord>());
        Assert.Equal(4, accepted);
        Assert.Equal(6, buffer.DroppedCount);
        Assert.Equal(6, dropped.Count);
        Assert.Equal(TestDecisions.Evening, dropped.Since);
        Assert.Equal(5, stored.Count(s => s.Record is DecisionRecord));
        Assert.True((await store.Inner.VerifyAsync()).IsValid);
    }

    [Fact]
    public async Task DisposeAsync_PendingDecisions_AreWrittenBeforeDisposeReturns()
    {
        var store = new InMemoryEvidenceStore();
        var buffer = CreateBuffer(store, capacity: 1_000);
        for (var i = 0; i < 700; i++)
        {
            buffer.Enqueue(DecisionRecord.From(TestDecisions.Make(DecisionOutcome.RequireApproval)));
        }

        await buffer.DisposeAsync();

        Assert.Equal(700, store.Count);
    }

    [Fact]
    public async Task Enqueue_AfterDispose_ThrowsObjectDisposedException()
    {
        var buffer = CreateBuffer(new InMemoryEvidenceStore(), capacity: 10);
        await buffer.DisposeAsync();

        Assert.Throws<ObjectDisposedException>(() => buffer.Enqueue(DecisionRecord.From(TestDecisions.Make(DecisionOutcome.Allow))));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => buffer.FlushAsync());
    }

    [Fact]
    public async Task FlushAsync_StoreRefusesEveryRetry_CountsTheBatchAsDroppedAndRecordsItLater()
    {
        var store = new GatedStore { FailAppends = 3 };
        store.Release();
        await using var buffer = CreateBuffer(store, capacity: 10, retryAttempts: 2);

        buffer.Enqueue(DecisionRecord.From(TestDecisions.Make(DecisionOutcome.Deny)));
        await buffer.FlushAsync();

        var stored = (await store.Inner.ReadAllAsync()).Select(s => s.Record).ToList();
        var dropped = Assert.Single(stored.OfType<DroppedDecisionsRecord>());
        Assert.Equal(1, dropped.Count);
        Assert.Equal(1, buffer.DroppedCount);
        Assert.Empty(stored.OfType<DecisionRecord>());
        Assert.Equal(4, store.AppendCalls);
    }

    [Fact]
    public async Task FlushAsync_StoreRefusesOnceThenRecovers_WritesTheBatchWithoutDrops()
    {
        var store = new GatedStore { FailAppends = 1 };
        store.Release();
        await using var buffer = CreateBuffer(store, capacity: 10, retryAttempts: 2);
        var record = DecisionRecord.From(TestDecisions.Make(DecisionOutcome.Deny));

        buffer.Enqueue(record);
        await buffer.FlushAsync();

        var stored = Assert.Single((await store.Inner.ReadAllAsync()).Select(s => s.Record));
        Assert.Equal(record.Id, stored.Id);
        Assert.Equal(0, buffer.DroppedCount);
        Assert.Equal(1, buffer.WrittenCount);
    }

    [Fact]
    public async Task FlushAsync_AppendCommittedButAcknowledgementLost_RetryDoesNotDuplicate()
    {
        var store = new GatedStore { CommitThenFailNextAppend = true };
        store.Release();
        await using var buffer = CreateBuffer(store, capacity: 10, retryAttempts: 2);

        buffer.Enqueue(DecisionRecord.From(TestDecisions.Make(DecisionOutcome.Deny)));
        buffer.Enqueue(DecisionRecord.From(TestDecisions.Make(DecisionOutcome.Allow)));
        await buffer.FlushAsync();

        Assert.Equal(2, (await store.Inner.ReadAllAsync()).Count(s => s.Record is DecisionRecord));
        Assert.Equal(0, buffer.DroppedCount);
        Assert.Equal(2, buffer.WrittenCount);
        Assert.True((await store.Inner.VerifyAsync()).IsValid);
    }

    [Fact]
    public async Task RunAsync_BeforeFirstBatch_RunsBeforeAnyDecisionIsWritten()
    {
        var store = new InMemoryEvidenceStore();
        var catalog = new PolicyRecord { Id = "corkage-fee@v1", At = TestDecisions.Evening, PolicyId = "corkage-fee", Title = "Corkage", OverridableBy = StaffRole.Supervisor };
        await using var buffer = new DecisionBuffer(store, 10, _time, new PolicyAuditTelemetry(), NullLogger.Instance,
            ct => store.AppendAsync([catalog], AppendDurability.Durable, ct));

        buffer.Enqueue(DecisionRecord.From(TestDecisions.Make(DecisionOutcome.Deny)));
        await buffer.FlushAsync();

        Assert.Equal([EvidenceKind.Policy, EvidenceKind.Decision], (await store.ReadAllAsync()).Select(s => s.Record.Kind));
    }

    private DecisionBuffer CreateBuffer(IEvidenceStore store, int capacity, int retryAttempts = 0) =>
        new(store, capacity, _time, new PolicyAuditTelemetry(), NullLogger.Instance, retryAttempts: retryAttempts, firstRetryDelay: TimeSpan.Zero);

    /// <summary>A store whose appends wait for <see cref="Release"/>, so a test can fill the buffer deterministically.</summary>
    private sealed class GatedStore : IEvidenceStore
    {
        private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public InMemoryEvidenceStore Inner { get; } = new();

        public TaskCompletionSource AppendEntered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>How many of the next appends throw before touching the store.</summary>
        public int FailAppends { get; set; }

        /// <summary>The next append lands in the store, then throws: a commit whose acknowledgement was lost.</summary>
        public bool CommitThenFailNextAppend { get; set; }

        public int AppendCalls { get; private set; }

        public void Release() => _gate.TrySetResult();

        public async Task<IReadOnlyList<ChainCheckpoint>> AppendAsync(IReadOnlyList<EvidenceRecord> records, AppendDurability durability, CancellationToken cancellationToken = default)
        {
            AppendEntered.TrySetResult();
            await _gate.Task;
            AppendCalls++;
            if (FailAppends > 0)
            {
                FailAppends--;
                throw new IOException("disk full");
            }

            if (CommitThenFailNextAppend)
            {
                CommitThenFailNextAppend = false;
                await Inner.AppendAsync(records, durability, cancellationToken);
                throw new IOException("connection reset after commit");
            }

            return await Inner.AppendAsync(records, durability, cancellationToken);
        }

        public IAsyncEnumerable<StoredEvidence> ReadAsync(EvidenceWindow window, CancellationToken cancellationToken = default) => Inner.ReadAsync(window, cancellationToken);

        public IAsyncEnumerable<StoredEvidence> ReadCustomerAsync(string customer, EvidenceWindow window, CancellationToken cancellationToken = default) => Inner.ReadCustomerAsync(customer, window, cancellationToken);

        public IAsyncEnumerable<StoredEvidence> ReadForDecisionsAsync(IReadOnlyCollection<string> decisionIds, CancellationToken cancellationToken = default) => Inner.ReadForDecisionsAsync(decisionIds, cancellationToken);

        public IAsyncEnumerable<StoredEvidence> ReadKindsAsync(IReadOnlyCollection<EvidenceKind> kinds, EvidenceWindow window, CancellationToken cancellationToken = default) => Inner.ReadKindsAsync(kinds, window, cancellationToken);

        public Task<IReadOnlySet<string>> FindExistingAsync(EvidenceKind kind, IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default) => Inner.FindExistingAsync(kind, ids, cancellationToken);

        public Task<ChainCheckpoint?> GetHeadAsync(CancellationToken cancellationToken = default) => Inner.GetHeadAsync(cancellationToken);

        public Task<ChainVerification> VerifyAsync(ChainCheckpoint? checkpoint = null, CancellationToken cancellationToken = default) => Inner.VerifyAsync(checkpoint, cancellationToken);

        public ValueTask DisposeAsync() => Inner.DisposeAsync();
    }
}
