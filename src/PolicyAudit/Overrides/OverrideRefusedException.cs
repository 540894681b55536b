namespace PolicyAudit;

/// <summary>Thrown when an override is not permitted. The refused attempt has been recorded as evidence.</summary>
public sealed class OverrideRefusedException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="reason">Why the override was refused.</param>
    /// <param name="decisionId">The decision the override was for.</param>
    /// <param name="message">A sentence saying what was wrong and how to proceed.</param>
    public OverrideRefusedException(OverrideRefusalReason reason, string decisionId, string message)
        : base(message)
    {
        Reason = reason;
        DecisionId = decisionId;
    }

    /// <summary>Why the override was refused.</summary>
    public OverrideRefusalReason Reason { get; }

    /// <summary>The decision the override was for.</summary>
    public string DecisionId { get; }
}
