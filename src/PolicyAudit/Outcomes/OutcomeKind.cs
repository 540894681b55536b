namespace PolicyAudit;

/// <summary>What came of a decision, learned later.</summary>
public enum OutcomeKind
{
    /// <summary>Nothing notable happened.</summary>
    None = 0,

    /// <summary>The customer complimented the service.</summary>
    Compliment = 1,

    /// <summary>The customer complained.</summary>
    Complaint = 2,

    /// <summary>The business lost money or goods.</summary>
    Loss = 3,
}
