namespace PolicyAudit;

/// <summary>An accepted override of a decision, as self-contained evidence.</summary>
public sealed record OverrideRecord : EvidenceRecord
{
    /// <inheritdoc />
    public override EvidenceKind Kind => EvidenceKind.Override;

    /// <summary>The id of the overridden decision.</summary>
    public required string DecisionId { get; init; }

    /// <summary>The id of the staff member who overrode.</summary>
    public required string Staff { get; init; }

    /// <summary>Their role.</summary>
    public required StaffRole Role { get; init; }

    /// <summary>Why, in their words.</summary>
    public required string Justification { get; init; }

    /// <summary>The id of the approver; null when none.</summary>
    public string? ApprovedBy { get; init; }

    /// <summary>The approver's role; null when none or unknown (imported evidence).</summary>
    public StaffRole? ApproverRole { get; init; }

    /// <summary>The role the determining policies required to override without an approver.</summary>
    public required StaffRole RequiredRole { get; init; }

    /// <summary>What was decided, by which policy version, on which facts.</summary>
    public required DecisionSnapshot Decision { get; init; }

    /// <summary>True when an approver was named (the override was escalated).</summary>
    public bool IsEscalated => ApprovedBy is not null;

    /// <summary>True when the staff member's role was below the required role and nobody approved.</summary>
    public bool IsUnauthorized => Role < RequiredRole && ApprovedBy is null;
}
