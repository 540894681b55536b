namespace PolicyAudit.Rules;

/// <summary>A rule is invalid (for example it uses a binding that is not bound, or matches no fact); raised by
/// <see cref="RuleRepository.Compile()"/> and <see cref="RuleRepository.GetRules"/>.</summary>
public sealed class RuleCompilationException : RuleEngineException
{
    /// <summary>Creates the exception for a rule.</summary>
    /// <param name="ruleName">The name of the invalid rule.</param>
    /// <param name="problem">What is wrong with it.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public RuleCompilationException(string ruleName, string problem, Exception? innerException = null)
        : base($"Rule '{ruleName}' is invalid: {problem}", innerException)
    {
        RuleName = ruleName;
        Problem = problem;
    }

    /// <summary>The name of the invalid rule.</summary>
    public string RuleName { get; }

    /// <summary>What is wrong with the rule, without the rule name.</summary>
    public string Problem { get; }
}
