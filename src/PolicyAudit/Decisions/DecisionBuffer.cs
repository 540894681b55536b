using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace PolicyAudit;

/// <summary>
/// A bounded buffer of decision records drained by one background writer that appends them in batches. The writer
/// first writes the policy catalog, so the catalog precedes the decisions that name its policies. When the buffer is
/// full a decision is counted, not queued, and the count is appended as a <see cref="DroppedDecisionsRecord"/> at the
/// next batch, at a flush and at disposal. Thread-safe.
/// </summary>
internal sealed class DecisionBuffer : IDecisionLog, IAsyncDisposable, IDisposable
{
    private const int MaxBatch = 512;

    private readonly Channel<Entry> _channel;
    private readonly IEvidenceStore _store;
    private readonly TimeProvider _time;
    private readonly PolicyAuditTelemetry _telemetry;
    private readonly ILogger _logger;
    private readonly Func<CancellationToken, Task>? _beforeFirstBatch;
    private readonly int _retryAttempts;
    private readonly TimeSpan _firstRetryDelay;
    private readonly Task _writer;
    private readonly object _dropGate = new();
    private long _droppedPending;
    private DateTimeOffset _droppedSince;
    private long _droppedTotal;
    private long _written;
    private int _disposed;

    public DecisionBuffer(
        IEvidenceStore store,
        int capacity,
        TimeProvider time,
        PolicyAuditTelemetry telemetry,
        ILogger logger,
        Func<CancellationToken, Task>? beforeFirstBatch = null,
        int retryAttempts = PolicyAuditOptions.DefaultDecisionRetryAttempts,
        TimeSpan? firstRetryDelay = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(retryAttempts);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _store = store;
        _time = time;
        _telemetry = telemetry;
        _logger = logger;
        _beforeFirstBatch = beforeFirstBatch;
        _retryAttempts = retryAttempts;
        _firstRetryDelay = firstRetryDelay ?? PolicyAuditOptions.DefaultFirstDecisionRetryDelay;
        // Wait mode: TryWrite fails when full, which is how a drop is detected and counted.
        _channel = Channel.CreateBounded<Entry>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = false,
        });
        _writer = Task.Run(RunAsync);
    }

    public long DroppedCount => Interlocked.Read(ref _droppedTotal);

    public long WrittenCount => Interlocked.Read(ref _written);

    /// <summary>Queues a decision for the evidence store; counts it as dropped when the buffer is full.</summary>
    /// <returns>True when queued; false when dropped (and counted).</returns>
    /// <exception cref="ObjectDisposedException">The buffer was disposed: the decision could not be recorded at all.</exception>
    public bool Enqueue(DecisionRecord record)
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            throw new ObjectDisposedException(nameof(IDecisionLog), "The decision log was disposed (the application is shutting down), so the decision cannot be recorded.");
        }

        if (_channel.Writer.TryWrite(new Entry(record, null)))
        {
            return true;
        }

        if (Volatile.Read(ref _disposed) != 0)
        {
            throw new ObjectDisposedException(nameof(IDecisionLog), "The decision log was disposed (the application is shutting down), so the decision cannot be recorded.");
        }

        CountDropped(1, record.At);
        return false;
    }

    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            // A flush marker waits for room (it is never dropped) and is reached after everything queued before it.
            await _channel.Writer.WriteAsync(new Entry(null, done), cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            throw new ObjectDisposedException(nameof(IDecisionLog), "The decision log was disposed while flushing.");
        }

        await done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _channel.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
    }

    /// <summary>Flushes and stops, blocking: for containers disposed synchronously.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private void CountDropped(long count, DateTimeOffset at)
    {
        lock (_dropGate)
        {
            if (_droppedPending == 0)
            {
                _droppedSince = at;
            }

            _droppedPending += count;
        }

        Interlocked.Add(ref _droppedTotal, count);
        _telemetry.DecisionsDropped(count);
    }

    private async Task RunAsync()
    {
        if (_beforeFirstBatch is not null)
        {
            try
            {
                await _beforeFirstBatch(CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                // The catalog is a convenience for reviews (titles, owners); decisions must still be written.
                Log.CatalogFailed(_logger, ex);
            }
        }

        var reader = _channel.Reader;
        var batch = new List<DecisionRecord>(MaxBatch);
        var flushes = new List<TaskCompletionSource>();
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < MaxBatch && reader.TryRead(out var entry))
            {
                if (entry.Record is not null)
                {
                    batch.Add(entry.Record);
                }
                else
                {
                    // Everything queued before the marker is in this batch: write before acknowledging the flush.
                    flushes.Add(entry.Flush!);
                    break;
                }
            }

            await WriteBatchAsync(batch).ConfigureAwait(false);
            await WriteDroppedAsync().ConfigureAwait(false);
            batch.Clear();
            foreach (var flush in flushes)
            {
                flush.TrySetResult();
            }

            flushes.Clear();
        }

        await WriteDroppedAsync().ConfigureAwait(false);
    }

    private async Task WriteBatchAsync(List<DecisionRecord> batch)
    {
        if (batch.Count == 0)
        {
            return;
        }

        IReadOnlyList<DecisionRecord> pending = batch.ToArray();
        var delay = _firstRetryDelay;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await _store.AppendDecisionsAsync(pending).ConfigureAwait(false);
                Interlocked.Add(ref _written, pending.Count);
                return;
            }
            catch (DuplicateEvidenceException) when (attempt > 0)
            {
                // An earlier attempt committed although its acknowledgement was lost (a dropped connection): keep
                // what landed, and append only the rest, so a retry never records a decision twice.
                pending = await WithoutStoredAsync(pending).ConfigureAwait(false);
                if (pending.Count == 0)
                {
                    return;
                }
            }
            catch (Exception ex) when (attempt < _retryAttempts)
            {
                // The store may be briefly away (a restarting server, a locked file): back off and try again while
                // newer decisions wait in the buffer, which counts what it cannot hold meanwhile.
                Log.DecisionBatchRetrying(_logger, ex, pending.Count, attempt + 1, delay);
                await Task.Delay(delay).ConfigureAwait(false);
                delay += delay;
            }
            catch (Exception ex)
            {
                // Still refused after every retry (full disk, server gone): the decisions are lost, so they are
                // counted as dropped, and the count is recorded as soon as the store takes appends again.
                Log.DecisionBatchFailed(_logger, ex, pending.Count);
                CountDropped(pending.Count, pending[0].At);
                return;
            }
        }
    }

    private async Task<IReadOnlyList<DecisionRecord>> WithoutStoredAsync(IReadOnlyList<DecisionRecord> batch)
    {
        try
        {
            var stored = await _store.FindExistingAsync(EvidenceKind.Decision, batch.Select(d => d.Id).ToArray()).ConfigureAwait(false);
            Interlocked.Add(ref _written, stored.Count);
            return batch.Where(d => !stored.Contains(d.Id)).ToArray();
        }
        catch (Exception ex)
        {
            Log.DecisionBatchFailed(_logger, ex, batch.Count);
            CountDropped(batch.Count, batch[0].At);
            return [];
        }
    }

    private async Task WriteDroppedAsync()
    {
        long count;
        DateTimeOffset since;
        lock (_dropGate)
        {
            count = _droppedPending;
            since = _droppedSince;
            _droppedPending = 0;
        }

        if (count == 0)
        {
            return;
        }

        var now = _time.GetUtcNow();
        try
        {
            await _store.AppendDroppedDecisionsAsync(new DroppedDecisionsRecord
            {
                Id = TimeSortableId.New(now),
                At = now,
                Count = count,
                Since = since,
            }).ConfigureAwait(false);
            Log.DecisionsDropped(_logger, count, since);
        }
        catch (Exception ex)
        {
            Log.DroppedRecordFailed(_logger, ex, count);
            lock (_dropGate)
            {
                _droppedSince = _droppedPending == 0 ? since : (since < _droppedSince ? since : _droppedSince);
                _droppedPending += count;
            }
        }
    }

    private readonly record struct Entry(DecisionRecord? Record, TaskCompletionSource? Flush);
}
