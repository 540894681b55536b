namespace PolicyAudit.Rules;

/// <summary>Where a rule stands in a session.</summary>
public enum RuleStatus
{
    /// <summary>The rule fired at least once.</summary>
    Fired,

    /// <summary>The rule matched and waits on the agenda; the session has not fired it yet.</summary>
    Pending,

    /// <summary>No match: some element of the rule is not met.</summary>
    NotMatched,
}
