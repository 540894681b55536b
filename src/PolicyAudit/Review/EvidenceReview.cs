namespace PolicyAudit;

/// <summary>Entry points of the review: run one, or create a reviewer to run many. Thread-safe.</summary>
public static class EvidenceReview
{
    /// <summary>Creates a reviewer over <paramref name="store"/>.</summary>
    /// <param name="store">The evidence store.</param>
    /// <param name="options">The thresholds; null for <see cref="ReviewOptions.Default"/>.</param>
    /// <returns>The reviewer.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A threshold in <paramref name="options"/> is out of range.</exception>
    public static IEvidenceReviewer CreateReviewer(IEvidenceStore store, ReviewOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        options ??= ReviewOptions.Default;
        options.Validate();
        return new EvidenceReviewer(store, options);
    }

    /// <summary>Reviews the evidence of <paramref name="store"/> in <paramref name="window"/>.</summary>
    /// <param name="store">The evidence store.</param>
    /// <param name="window">The time window.</param>
    /// <param name="options">The thresholds; null for <see cref="ReviewOptions.Default"/>.</param>
    /// <param name="cancellationToken">Stops the review.</param>
    /// <returns>The review.</returns>
    public static Task<Review> RunAsync(IEvidenceStore store, EvidenceWindow window, ReviewOptions? options = null, CancellationToken cancellationToken = default) =>
        CreateReviewer(store, options).ReviewAsync(window, null, cancellationToken);
}
