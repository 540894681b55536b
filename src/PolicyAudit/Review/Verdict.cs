namespace PolicyAudit;

/// <summary>
/// What a review recommends for a policy. The rules are tried in the order of the values below; the first that applies
/// wins. Reports write these in kebab case (<c>insufficient-evidence</c>, <c>keep</c>, ...).
/// </summary>
public enum Verdict
{
    /// <summary>Too few denials in the window to judge the policy.</summary>
    InsufficientEvidence = 0,

    /// <summary>Staff rarely override the policy: keep it as it is.</summary>
    Keep = 1,

    /// <summary>Overrides led to complaints or losses: the policy protects something, enforce it.</summary>
    Enforce = 2,

    /// <summary>A few staff make most of the overrides: coach them, the rule is not the problem.</summary>
    Coach = 3,

    /// <summary>Overrides are mostly escalated and granted: move the authority to the front line.</summary>
    Delegate = 4,

    /// <summary>Overridden broadly, without harm and without escalation: the rule itself is wrong.</summary>
    Rescind = 5,
}
