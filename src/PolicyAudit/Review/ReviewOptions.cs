namespace PolicyAudit;

/// <summary>
/// The thresholds a review judges policies by. The defaults are those of the issue that defined the verdicts;
/// change them per business. Immutable (init-only); safe to share between threads.
/// </summary>
public sealed record ReviewOptions
{
    /// <summary>The defaults.</summary>
    public static ReviewOptions Default { get; } = new();

    /// <summary>Below this many denials a policy gets <see cref="Verdict.InsufficientEvidence"/>. Default 20.</summary>
    public int MinimumDenials { get; init; } = 20;

    /// <summary>
    /// Below this many overrides a pattern verdict (<see cref="Verdict.Rescind"/>, <see cref="Verdict.Enforce"/>,
    /// <see cref="Verdict.Coach"/>, <see cref="Verdict.Delegate"/>) becomes <see cref="Verdict.InsufficientEvidence"/>:
    /// a pattern seen in a handful of overrides is an anecdote. <see cref="Verdict.Keep"/> is not affected. Default 10.
    /// </summary>
    public int MinimumOverrides { get; init; } = 10;

    /// <summary>An override rate (overrides / denials) below this gives <see cref="Verdict.Keep"/>. Default 0.10.</summary>
    public double KeepBelowOverrideRate { get; init; } = 0.10;

    /// <summary>Harmful outcomes above this share of overrides give <see cref="Verdict.Enforce"/>. Default 0.05.</summary>
    public double EnforceAboveHarmRate { get; init; } = 0.05;

    /// <summary>How many of the most-overriding staff <see cref="CoachTopStaffShare"/> looks at. Default 2.</summary>
    public int CoachTopStaffCount { get; init; } = 2;

    /// <summary>When the top <see cref="CoachTopStaffCount"/> staff made at least this share of the overrides: <see cref="Verdict.Coach"/>. Default 0.70.</summary>
    public double CoachTopStaffShare { get; init; } = 0.70;

    /// <summary>When at least this share of the overrides was escalated (approved): <see cref="Verdict.Delegate"/>. Default 0.5.</summary>
    public double DelegateEscalatedShare { get; init; } = 0.5;

    /// <summary>A customer with at least this many overrides in the window is listed as a repeat customer. Default 3.</summary>
    public int RepeatCustomerMinimumOverrides { get; init; } = 3;

    /// <summary>How many of the most frequent justifications each policy lists. Default 5.</summary>
    public int TopJustifications { get; init; } = 5;

    /// <summary>
    /// A suggestion's condition must hold for at least this share of the policy's overridden denials (with stored
    /// facts). Default 0.6: most of what staff did, not a corner of it.
    /// </summary>
    public double SuggestionMinimumOverrideShare { get; init; } = 0.6;

    /// <summary>
    /// ... and for at most this share of its upheld denials (with stored facts, never overridden). Default 0.1: the
    /// exception would rarely have let through what staff themselves upheld.
    /// </summary>
    public double SuggestionMaximumUpheldShare { get; init; } = 0.1;

    /// <summary>Checks that every threshold makes sense.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A threshold is out of range.</exception>
    public void Validate()
    {
        Check(MinimumDenials >= 0, nameof(MinimumDenials), MinimumDenials, "must not be negative");
        Check(MinimumOverrides >= 0, nameof(MinimumOverrides), MinimumOverrides, "must not be negative");
        CheckShare(KeepBelowOverrideRate, nameof(KeepBelowOverrideRate));
        CheckShare(EnforceAboveHarmRate, nameof(EnforceAboveHarmRate));
        Check(CoachTopStaffCount >= 1, nameof(CoachTopStaffCount), CoachTopStaffCount, "must be at least 1");
        CheckShare(CoachTopStaffShare, nameof(CoachTopStaffShare));
        CheckShare(DelegateEscalatedShare, nameof(DelegateEscalatedShare));
        Check(RepeatCustomerMinimumOverrides >= 1, nameof(RepeatCustomerMinimumOverrides), RepeatCustomerMinimumOverrides, "must be at least 1");
        CheckShare(SuggestionMinimumOverrideShare, nameof(SuggestionMinimumOverrideShare));
        CheckShare(SuggestionMaximumUpheldShare, nameof(SuggestionMaximumUpheldShare));
        Check(TopJustifications >= 0, nameof(TopJustifications), TopJustifications, "must not be negative");
    }

    private static void CheckShare(double value, string name) =>
        Check(!double.IsNaN(value) && value >= 0 && value <= 1, name, value, "must be a share between 0 and 1");

    private static void Check(bool ok, string name, object value, string what)
    {
        if (!ok)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} {what}.");
        }
    }
}
