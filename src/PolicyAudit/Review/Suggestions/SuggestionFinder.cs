namespace PolicyAudit;

/// <summary>
/// Finds the single fact condition that best separates a policy's overridden denials from its upheld ones: for each
/// property, each text value (<c>==</c>) and each numeric threshold (<c>&lt;=</c> and <c>&gt;=</c> at every value
/// seen). A condition qualifies when it covers at least <see cref="ReviewOptions.SuggestionMinimumOverrideShare"/> of
/// the overrides and at most <see cref="ReviewOptions.SuggestionMaximumUpheldShare"/> of the upheld denials; of those,
/// the one with the largest difference between the two shares wins (then more overrides covered, fewer upheld, then
/// property and value order, so the answer is deterministic). Stateless and thread-safe.
/// </summary>
internal static class SuggestionFinder
{
    /// <summary>Below this many upheld denials with facts there is nothing to separate from: every condition would pass.</summary>
    public const int MinimumUpheldDenials = 5;

    public static Suggestion? Find(PolicyReview policy, FactHistogram histogram, ReviewOptions options)
    {
        int o = histogram.Overridden, u = histogram.Upheld;
        if (o < Math.Max(1, options.MinimumOverrides) || u < MinimumUpheldDenials)
        {
            return null;
        }

        Candidate? best = null;
        foreach (var (path, values) in histogram.Properties)
        {
            foreach (var (value, counts) in values.Where(v => !v.Key.IsNumber).OrderBy(v => v.Key.Text, StringComparer.Ordinal))
            {
                Consider(ref best, new Candidate(path, "==", value, counts.Overridden, counts.Upheld), o, u, options);
            }

            var numbers = values.Where(v => v.Key.IsNumber).OrderBy(v => v.Key.Number).ToArray();
            int belowO = 0, belowU = 0;
            var totalO = numbers.Sum(n => n.Value.Overridden);
            var totalU = numbers.Sum(n => n.Value.Upheld);
            foreach (var (value, counts) in numbers)
            {
                // "<= v" takes every value up to v; ">= v" every value from v up.
                Consider(ref best, new Candidate(path, ">=", value, totalO - belowO, totalU - belowU), o, u, options);
                belowO += counts.Overridden;
                belowU += counts.Upheld;
                Consider(ref best, new Candidate(path, "<=", value, belowO, belowU), o, u, options);
            }
        }

        if (best is not { } found)
        {
            return null;
        }

        var suggestion = new Suggestion(found.Path, found.Operator, found.Value.Display(), found.Value.IsQuoted, found.Overridden, o, found.Upheld, u, string.Empty);
        return suggestion with { Exception = ExceptionText(policy, suggestion) };
    }

    private static void Consider(ref Candidate? best, Candidate candidate, int o, int u, ReviewOptions options)
    {
        var overrideShare = (double)candidate.Overridden / o;
        var upheldShare = (double)candidate.Upheld / u;
        if (overrideShare < options.SuggestionMinimumOverrideShare || upheldShare > options.SuggestionMaximumUpheldShare)
        {
            return;
        }

        if (best is not { } current)
        {
            best = candidate;
            return;
        }

        var score = overrideShare - upheldShare;
        var bestScore = ((double)current.Overridden / o) - ((double)current.Upheld / u);
        if (score > bestScore + 1e-12
            || (Math.Abs(score - bestScore) <= 1e-12 && (candidate.Overridden > current.Overridden || (candidate.Overridden == current.Overridden && candidate.Upheld < current.Upheld))))
        {
            best = candidate;
        }
    }

    /// <summary>The exception in the policy's own terms, worded for what its verdict asks of the owner.</summary>
    private static string ExceptionText(PolicyReview policy, Suggestion s)
    {
        var title = "\"" + policy.Title + "\"";
        var support = $"it covers {s.CoveredOverrides} of the {s.Overrides} overrides and {s.CoveredUpheldDenials} of the {s.UpheldDenials} denials that stood";
        return policy.Verdict switch
        {
            Verdict.Rescind => $"Rewrite {title} so it does not apply when {s.Condition}: {support}.",
            Verdict.Delegate => $"Let front-line staff grant the exception to {title} without an approver when {s.Condition}: {support}.",
            Verdict.Coach => $"The exception staff keep making to {title} is {s.Condition}: {support}. Write it into the policy if it is right; otherwise coach staff on that case.",
            Verdict.Enforce => $"The overrides of {title} cluster where {s.Condition}: {support}. Explain the rationale for that case, or make it an exception with a safeguard against the harm.",
            _ => $"Exception to {title} when {s.Condition}: {support}.",
        };
    }

    private readonly record struct Candidate(string Path, string Operator, FactValue Value, int Overridden, int Upheld);
}
