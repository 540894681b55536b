using System.Threading.Channels;

namespace PolicyAudit;

/// <summary>
/// Tries a policy change on the evidence before it ships: re-evaluates every recorded decision of a window whose
/// facts are stored against a candidate policy set, and reports per policy what would have changed. Records
/// nothing. Streams: memory grows with the number of policies and of overridden or harmed decisions (their ids),
/// never with the number of decisions; the store is read on the caller's task while one other task replays. Thread-safe:
/// each call keeps its own state and session.
/// </summary>
public static class EvidenceReplay
{
    private const int QueueLength = 256;

    /// <summary>Replays the decisions of <paramref name="window"/> in <paramref name="store"/> against <paramref name="candidate"/>.</summary>
    /// <param name="store">The evidence store; only read.</param>
    /// <param name="window">The decisions to replay, by when they were made.</param>
    /// <param name="candidate">The candidate policy set.</param>
    /// <param name="policyId">Only this policy's figures (the overall figures still cover the whole candidate); null for every policy.</param>
    /// <param name="progress">Gets the number of records read so far, now and then.</param>
    /// <param name="cancellationToken">Stops the replay.</param>
    /// <returns>The replay.</returns>
    /// <exception cref="ArgumentException"><paramref name="policyId"/> is neither in the candidate nor in the evidence.</exception>
    public static async Task<Replay> RunAsync(
        IEvidenceStore store,
        EvidenceWindow window,
        ReplayCandidate candidate,
        string? policyId = null,
        IProgress<long>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(candidate);
        var pass = new ReplayPass(candidate, window, policyId);
        long read = 0;

        // Overrides and outcomes may be chained before or after their decision (decisions are written in batches),
        // so what happened to each decision is gathered first, then the window's decisions are replayed.
        await foreach (var stored in store.ReadAsync(EvidenceWindow.All, cancellationToken).ConfigureAwait(false))
        {
            pass.Learn(stored.Record);
            Report(progress, ++read);
        }

        // Reading and decoding the store costs about as much as replaying what it holds, so the two overlap: this
        // task reads, one other replays, with a short queue between them so memory stays flat.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var queue = Channel.CreateBounded<DecisionRecord>(new BoundedChannelOptions(QueueLength) { SingleReader = true, SingleWriter = true });
        var replaying = Task.Run(
            async () =>
            {
                try
                {
                    await foreach (var decision in queue.Reader.ReadAllAsync(stop.Token).ConfigureAwait(false))
                    {
                        pass.Replay(decision);
                    }
                }
                catch
                {
                    // The reader must not wait on a queue nobody empties any more.
                    await stop.CancelAsync().ConfigureAwait(false);
                    throw;
                }
            },
            CancellationToken.None);
        try
        {
            await foreach (var stored in store.ReadAsync(window, stop.Token).ConfigureAwait(false))
            {
                if (stored.Record is DecisionRecord decision)
                {
                    await queue.Writer.WriteAsync(decision, stop.Token).ConfigureAwait(false);
                }

                Report(progress, ++read);
            }

            queue.Writer.Complete();
        }
        catch (OperationCanceledException) when (replaying.IsFaulted || !cancellationToken.IsCancellationRequested)
        {
            // The replaying task failed and stopped the read: its exception is the one to report, below.
            queue.Writer.TryComplete();
        }
        catch (Exception ex)
        {
            queue.Writer.TryComplete(ex);
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAny(replaying).ConfigureAwait(false);
            throw;
        }

        await replaying.ConfigureAwait(false);
        progress?.Report(read);
        return pass.Finish();
    }

    private static void Report(IProgress<long>? progress, long read)
    {
        if (read % 1000 == 0)
        {
            progress?.Report(read);
        }
    }
}
