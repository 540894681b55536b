namespace PolicyAudit;

/// <summary>
/// The 95% Wilson score interval of a proportion. Chosen over the textbook normal interval because review figures are
/// often small or near 0 and 1 (3 overrides of 4 denials), where the normal interval is too narrow and leaves [0, 1];
/// Wilson's stays inside [0, 1] and keeps close to its nominal coverage. Stateless and thread-safe.
/// </summary>
internal static class WilsonInterval
{
    /// <summary>The 97.5th percentile of the standard normal distribution: two-sided 95%.</summary>
    private const double Z = 1.959963984540054;

    /// <summary>
    /// The interval of <paramref name="successes"/> in <paramref name="trials"/>. Without trials nothing is known: [0, 1].
    /// More successes than trials (overrides of decisions made before the window) are counted as all trials.
    /// </summary>
    public static (double Low, double High) Of(int successes, int trials)
    {
        if (trials <= 0)
        {
            return (0, 1);
        }

        var n = (double)trials;
        var p = Math.Clamp(successes, 0, trials) / n;
        var z2 = Z * Z;
        var centre = (p + (z2 / (2 * n))) / (1 + (z2 / n));
        var half = Z / (1 + (z2 / n)) * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n)));
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}
