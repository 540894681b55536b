namespace PolicyAudit;

/// <summary>
/// Reviews a window of evidence and gives each policy a verdict. Implementations stream the evidence, keeping only
/// per-policy aggregates, and are safe to call from several threads at once (each call is independent).
/// </summary>
public interface IEvidenceReviewer
{
    /// <summary>Reviews the evidence in <paramref name="window"/>.</summary>
    /// <param name="window">The time window.</param>
    /// <param name="progress">Told the number of records read so far, now and then; may be null.</param>
    /// <param name="cancellationToken">Stops the review.</param>
    /// <returns>The review.</returns>
    Task<Review> ReviewAsync(EvidenceWindow window, IProgress<long>? progress = null, CancellationToken cancellationToken = default);
}
