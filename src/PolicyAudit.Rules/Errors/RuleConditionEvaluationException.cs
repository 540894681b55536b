namespace PolicyAudit.Rules;

/// <summary>A rule condition threw while the engine evaluated it against facts.</summary>
public sealed class RuleConditionEvaluationException : RuleEngineException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="ruleNames">The rules that own the condition (several when rules share it).</param>
    /// <param name="condition">The text of the condition.</param>
    /// <param name="facts">The facts the condition was evaluated on.</param>
    /// <param name="innerException">The error the condition threw.</param>
    public RuleConditionEvaluationException(IReadOnlyList<string> ruleNames, string condition, IReadOnlyList<object?> facts, Exception innerException)
        : base(FactText.Message("Condition", condition, ruleNames, facts, innerException), innerException)
    {
        RuleNames = ruleNames;
        Condition = condition;
        Facts = facts;
    }

    /// <summary>The rule that owns the condition (the first, when several rules share it).</summary>
    public string RuleName => RuleNames.Count > 0 ? RuleNames[0] : string.Empty;

    /// <summary>Every rule that owns the condition.</summary>
    public IReadOnlyList<string> RuleNames { get; }

    /// <summary>The text of the condition that threw.</summary>
    public string Condition { get; }

    /// <summary>The facts the condition was evaluated on.</summary>
    public IReadOnlyList<object?> Facts { get; }
}
