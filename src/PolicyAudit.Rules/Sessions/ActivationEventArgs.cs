namespace PolicyAudit.Rules;

/// <summary>A rule and the facts of one of its matches.</summary>
public sealed class ActivationEventArgs : EventArgs
{
    /// <summary>Creates the arguments.</summary>
    /// <param name="rule">The rule.</param>
    /// <param name="facts">The matched facts.</param>
    public ActivationEventArgs(IRuleDefinition rule, IReadOnlyList<FactMatch> facts)
    {
        Rule = rule;
        Facts = facts;
    }

    /// <summary>The rule.</summary>
    public IRuleDefinition Rule { get; }

    /// <summary>The facts and values the match bound, in the order of the rule's conditions.</summary>
    public IReadOnlyList<FactMatch> Facts { get; }
}
