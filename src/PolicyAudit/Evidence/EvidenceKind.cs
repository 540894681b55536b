namespace PolicyAudit;

/// <summary>The kinds of record in the evidence chain.</summary>
public enum EvidenceKind
{
    /// <summary>A policy of the catalog (<see cref="PolicyRecord"/>).</summary>
    Policy = 0,

    /// <summary>A decision (<see cref="DecisionRecord"/>).</summary>
    Decision = 1,

    /// <summary>An accepted override (<see cref="OverrideRecord"/>).</summary>
    Override = 2,

    /// <summary>A refused override attempt (<see cref="RefusedOverrideRecord"/>).</summary>
    RefusedOverride = 3,

    /// <summary>An outcome of a decision (<see cref="OutcomeRecord"/>).</summary>
    Outcome = 4,

    /// <summary>A count of decisions the buffer had to drop (<see cref="DroppedDecisionsRecord"/>).</summary>
    DroppedDecisions = 5,
}
