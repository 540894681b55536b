namespace PolicyAudit;

/// <summary>
/// One caller's append, queued for group commit: whichever caller holds the writer gate takes every queued append
/// and commits them in one transaction, so concurrent appends share one commit (and one WAL flush).
/// </summary>
internal sealed class PendingAppend(EncodedBatch batch, AppendDurability durability)
{
    private const int Queued = 0;
    private const int Taken = 1;
    private const int Cancelled = 2;

    private readonly TaskCompletionSource<ChainCheckpoint[]> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _state;

    public EncodedBatch Batch { get; } = batch;

    public AppendDurability Durability { get; } = durability;

    public Task<ChainCheckpoint[]> Result => _result.Task;

    public bool IsDone => _result.Task.IsCompleted;

    /// <summary>Claims the append for writing; false when its caller gave up first.</summary>
    public bool TryTake() => Interlocked.CompareExchange(ref _state, Taken, Queued) == Queued;

    /// <summary>Withdraws the append; false when a writer already took it (its outcome then stands).</summary>
    public bool TryCancel() => Interlocked.CompareExchange(ref _state, Cancelled, Queued) == Queued;

    public void Complete(ChainCheckpoint[] links) => _result.TrySetResult(links);

    public void Fail(Exception exception) => _result.TrySetException(exception);
}
