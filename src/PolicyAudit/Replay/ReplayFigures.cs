namespace PolicyAudit;

/// <summary>
/// What replaying the recorded decisions against a candidate showed, for one policy or for the whole set. Outcomes
/// are the policy's own (for the whole set, the decision's); a policy that did not fire counts as allowing. Immutable.
/// </summary>
public sealed record ReplayFigures
{
    /// <summary>Decisions replayed: for a policy, those in which it fired before or fires now.</summary>
    public required int Replayed { get; init; }

    /// <summary>Replayed decisions whose outcome the candidate keeps.</summary>
    public required int Unchanged { get; init; }

    /// <summary>Replayed decisions whose outcome the candidate changes, by recorded and new outcome, in outcome order.</summary>
    public required IReadOnlyList<OutcomeChange> Changed { get; init; }

    /// <summary>Overridden decisions the candidate would now allow: the exception becomes the rule.</summary>
    public required int OverriddenNowAllowed { get; init; }

    /// <summary>Upheld denials (denied or held for approval, never overridden) the candidate would now allow: new risk.</summary>
    public required int UpheldNowAllowed { get; init; }

    /// <summary>Decisions the candidate would now allow that drew a complaint or a loss.</summary>
    public required int HarmfulNowAllowed { get; init; }

    /// <summary>Decisions that could not be replayed, by why, in <see cref="ReplayGap"/> order; nothing is left out silently.</summary>
    public required IReadOnlyList<ReplayGapCount> NotReplayed { get; init; }

    /// <summary>How many replayed decisions changed outcome.</summary>
    public int ChangedCount => Changed.Sum(c => c.Count);
}
