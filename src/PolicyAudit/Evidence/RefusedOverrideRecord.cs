namespace PolicyAudit;

/// <summary>A refused override attempt, as evidence.</summary>
public sealed record RefusedOverrideRecord : EvidenceRecord
{
    /// <inheritdoc />
    public override EvidenceKind Kind => EvidenceKind.RefusedOverride;

    /// <summary>The id of the decision the attempt was for.</summary>
    public required string DecisionId { get; init; }

    /// <summary>The id of the staff member who tried.</summary>
    public required string Staff { get; init; }

    /// <summary>Their role.</summary>
    public required StaffRole Role { get; init; }

    /// <summary>The justification given (possibly blank).</summary>
    public required string Justification { get; init; }

    /// <summary>The id of the named approver; null when none.</summary>
    public string? ApprovedBy { get; init; }

    /// <summary>The approver's role; null when none.</summary>
    public StaffRole? ApproverRole { get; init; }

    /// <summary>Why the attempt was refused.</summary>
    public required OverrideRefusalReason Reason { get; init; }

    /// <summary>The refusal message given to the staff member.</summary>
    public required string Message { get; init; }

    /// <summary>What was decided.</summary>
    public required DecisionSnapshot Decision { get; init; }
}
