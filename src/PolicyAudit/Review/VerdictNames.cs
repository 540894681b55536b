namespace PolicyAudit;

/// <summary>The kebab-case names verdicts have in reports, and the words a reviewer reads next to them. Stateless and thread-safe.</summary>
public static class VerdictNames
{
    /// <summary>The verdict's name in reports: <c>insufficient-evidence</c>, <c>keep</c>, <c>enforce</c>, <c>coach</c>, <c>delegate</c>, <c>rescind</c>.</summary>
    /// <param name="verdict">The verdict.</param>
    /// <returns>Its wire name.</returns>
    public static string Of(Verdict verdict) => verdict switch
    {
        Verdict.InsufficientEvidence => "insufficient-evidence",
        Verdict.Keep => "keep",
        Verdict.Enforce => "enforce",
        Verdict.Coach => "coach",
        Verdict.Delegate => "delegate",
        Verdict.Rescind => "rescind",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, null),
    };

    /// <summary>Parses a wire name written by <see cref="Of"/>.</summary>
    /// <param name="text">The name.</param>
    /// <param name="verdict">The verdict, when the name is known.</param>
    /// <returns>True when the name is known.</returns>
    public static bool TryParse(string? text, out Verdict verdict)
    {
        foreach (var candidate in Enum.GetValues<Verdict>())
        {
            if (string.Equals(Of(candidate), text, StringComparison.Ordinal))
            {
                verdict = candidate;
                return true;
            }
        }

        verdict = default;
        return false;
    }

    /// <summary>What the verdict asks the policy's owner to do, in a few words.</summary>
    /// <param name="verdict">The verdict.</param>
    /// <returns>The advice.</returns>
    public static string Advice(Verdict verdict) => verdict switch
    {
        Verdict.InsufficientEvidence => "wait for more evidence",
        Verdict.Keep => "keep the policy as it is",
        Verdict.Enforce => "enforce the policy: overrides cause harm",
        Verdict.Coach => "coach the few staff who override it",
        Verdict.Delegate => "delegate the authority to the front line",
        Verdict.Rescind => "rescind or rewrite the policy",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, null),
    };
}
