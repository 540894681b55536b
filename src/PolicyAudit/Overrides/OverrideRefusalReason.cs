namespace PolicyAudit;

/// <summary>Why an override was refused.</summary>
public enum OverrideRefusalReason
{
    /// <summary>The decision allowed the request: there is nothing to override.</summary>
    DecisionAllowed = 0,

    /// <summary>The justification was empty or blank.</summary>
    MissingJustification = 1,

    /// <summary>The justification was a placeholder ("n/a", "ok", "override", ...).</summary>
    PlaceholderJustification = 2,

    /// <summary>The staff member's role is below the policy's authority and no sufficient approver was named.</summary>
    InsufficientAuthority = 3,

    /// <summary>A determining policy cannot be overridden by anybody.</summary>
    NotOverridable = 4,

    /// <summary>The decision was overridden already: a decision is overridden at most once.</summary>
    AlreadyOverridden = 5,
}
