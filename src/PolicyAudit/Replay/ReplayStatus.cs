namespace PolicyAudit;

/// <summary>How a policy of a replay relates the evidence to the candidate.</summary>
public enum ReplayStatus
{
    /// <summary>In the evidence and in the candidate, with the same definition (same version).</summary>
    Same,

    /// <summary>In the evidence and in the candidate, with a changed definition: the change being tried.</summary>
    Changed,

    /// <summary>Only in the candidate: what it would have decided.</summary>
    New,

    /// <summary>Only in the evidence: the candidate no longer has it.</summary>
    Removed,
}
