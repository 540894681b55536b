namespace PolicyAudit.Rules;

/// <summary>Why a rule did (not) fire in a session: its status and, when it does not match, the first element and
/// condition of the rule that no fact met.</summary>
public sealed class WhyNotExplanation
{
    /// <summary>Creates an explanation.</summary>
    /// <param name="rule">The rule.</param>
    /// <param name="status">The rule's status.</param>
    /// <param name="reason">A sentence for people.</param>
    /// <param name="element">The rule element that is not met, as in the definition text.</param>
    /// <param name="condition">The condition that is not met, or null.</param>
    /// <param name="facts">Facts that explain the outcome (for a <c>Not</c>, the facts that block it).</param>
    public WhyNotExplanation(IRuleDefinition rule, RuleStatus status, string reason, string? element, string? condition, IReadOnlyList<object> facts)
    {
        Rule = rule;
        Status = status;
        Reason = reason;
        Element = element;
        Condition = condition;
        Facts = facts;
    }

    /// <summary>The rule.</summary>
    public IRuleDefinition Rule { get; }

    /// <summary>The rule's status.</summary>
    public RuleStatus Status { get; }

    /// <summary>A sentence for people, such as "no Order fact meets `o => o.Amount > 100`".</summary>
    public string Reason { get; }

    /// <summary>The element that is not met, as in <see cref="IRuleDefinition.DefinitionText"/>; null unless
    /// <see cref="Status"/> is <see cref="RuleStatus.NotMatched"/>.</summary>
    public string? Element { get; }

    /// <summary>The first condition of that element that no fact met, or null when the element fails as a whole.</summary>
    public string? Condition { get; }

    /// <summary>Facts that explain the outcome: for a <c>Not</c> or <c>All</c>, the facts that block it.</summary>
    public IReadOnlyList<object> Facts { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Rule.Name}: {Status}: {Reason}";
}
