namespace PolicyAudit;

/// <summary>What a decision says. When several policies fire, Deny wins over RequireApproval, which wins over Allow.</summary>
public enum DecisionOutcome
{
    /// <summary>The request is allowed.</summary>
    Allow = 0,

    /// <summary>The request needs someone with the policy's authority to approve it.</summary>
    RequireApproval = 1,

    /// <summary>The request is denied.</summary>
    Deny = 2,
}
