namespace PolicyAudit.Benchmarks.Report;

/// <summary>
/// Measures what a review keeps alive: the live heap after a full collection, sampled every 50,000 events of a review,
/// at its highest, less the heap before the review. Used by the Report family's setup and by <c>-- --heap N</c>,
/// which prints it without BenchmarkDotNet (heap sizes are counted, not timed, so a busy machine does not skew them).
/// Not thread-safe: it forces full collections of the whole process.
/// </summary>
internal static class LiveHeapProbe
{
    private const int SampleEvery = 50_000;

    /// <summary>Reviews everything in <paramref name="store"/> and describes the live heap the review kept at its peak.</summary>
    public static async Task<string> DescribeAsync(IEvidenceStore store, int events)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        long reviewPeak = 0;
        var review = await EvidenceReview.CreateReviewer(store).ReviewAsync(
            EvidenceWindow.All,
            new SynchronousProgress(read =>
            {
                if (read % SampleEvery == 0)
                {
                    reviewPeak = Math.Max(reviewPeak, GC.GetTotalMemory(forceFullCollection: true));
                }
            }));
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(review);
        return $"// live heap over {events:N0} events: before {before / 1024} KB, review peak +{(reviewPeak - before) / 1024} KB, " +
            $"review result +{(after - before) / 1024} KB ({review.Policies.Count} policies, {review.Staff.Count} staff, {review.RepeatCustomers.Count} repeat customers)";
    }

    // Reports on the reading thread, so a sample sees the review's state as it is at that event.
    private sealed class SynchronousProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
