namespace PolicyAudit;

/// <summary>One policy's part of a replay: which policy, how it relates evidence and candidate, and the figures. Immutable.</summary>
public sealed record PolicyReplay
{
    /// <summary>The policy id.</summary>
    public required string Id { get; init; }

    /// <summary>The title, from the candidate or else from the latest policy record.</summary>
    public required string Title { get; init; }

    /// <summary>Same, changed, new or removed.</summary>
    public required ReplayStatus Status { get; init; }

    /// <summary>The version of the latest policy record in the store; null when none is recorded (imported evidence).</summary>
    public string? EvidenceVersion { get; init; }

    /// <summary>The candidate's version of the policy; null when the candidate does not have it.</summary>
    public string? CandidateVersion { get; init; }

    /// <summary>The figures.</summary>
    public required ReplayFigures Figures { get; init; }
}
