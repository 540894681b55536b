namespace PolicyAudit;

/// <summary>
/// What the recorded decisions of a window would have been under a candidate policy set: per policy, and for whole
/// decisions. Deterministic: equal evidence and candidate give an equal replay. Immutable.
/// </summary>
public sealed record Replay
{
    /// <summary>The window of decisions replayed.</summary>
    public required EvidenceWindow Window { get; init; }

    /// <summary>The candidate policy set's version.</summary>
    public required string CandidateVersion { get; init; }

    /// <summary>Decisions recorded in the window.</summary>
    public required int Decisions { get; init; }

    /// <summary>Decisions in the window whose record keeps facts.</summary>
    public required int DecisionsWithFacts { get; init; }

    /// <summary>The whole decisions: recorded outcome against the candidate set's combined outcome.</summary>
    public required ReplayFigures Overall { get; init; }

    /// <summary>Per policy in the candidate or in the evidence (or only the one asked for), in id order.</summary>
    public required IReadOnlyList<PolicyReplay> Policies { get; init; }
}
