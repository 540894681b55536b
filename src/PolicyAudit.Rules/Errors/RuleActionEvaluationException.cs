namespace PolicyAudit.Rules;

/// <summary>A rule action threw while the rule fired.</summary>
public sealed class RuleActionEvaluationException : RuleEngineException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="ruleName">The rule whose action threw.</param>
    /// <param name="action">The text of the action.</param>
    /// <param name="facts">The facts the rule matched.</param>
    /// <param name="innerException">The error the action threw.</param>
    public RuleActionEvaluationException(string ruleName, string action, IReadOnlyList<object?> facts, Exception innerException)
        : base(FactText.Message("Action", action, [ruleName], facts, innerException), innerException)
    {
        RuleName = ruleName;
        Action = action;
        Facts = facts;
    }

    /// <summary>The rule whose action threw.</summary>
    public string RuleName { get; }

    /// <summary>The text of the action that threw.</summary>
    public string Action { get; }

    /// <summary>The facts the rule matched.</summary>
    public IReadOnlyList<object?> Facts { get; }
}
