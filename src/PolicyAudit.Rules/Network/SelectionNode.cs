namespace PolicyAudit.Rules;

/// <summary>An alpha node that tests one condition on one fact.</summary>
internal sealed class SelectionNode(string text, object[] constants, Func<object, bool> condition) : AlphaNode
{
    /// <summary>The condition's text with its parameter renamed, the sharing key with <see cref="HasConstants"/>.</summary>
    public string Text { get; } = text;

    public List<string> RuleNames { get; } = [];

    /// <summary>The condition as the first rule wrote it, for messages.</summary>
    public string DisplayText { get; set; } = text;

    public bool HasConstants(object[] other)
    {
        if (other.Length != constants.Length)
        {
            return false;
        }

        for (var i = 0; i < other.Length; i++)
        {
            if (!ReferenceEquals(other[i], constants[i]))
            {
                return false;
            }
        }

        return true;
    }

    public void Assert(INetworkContext context, Fact fact)
    {
        if (Matches(fact))
        {
            PropagateAssert(context, fact);
        }
    }

    public void Update(INetworkContext context, Fact fact)
    {
        if (Matches(fact))
        {
            PropagateUpdate(context, fact);
        }
        else
        {
            Retract(context, fact);
        }
    }

    private bool Matches(Fact fact)
    {
        try
        {
            return condition(fact.Object);
        }
        catch (Exception ex)
        {
            throw new RuleConditionEvaluationException(RuleNames, DisplayText, [fact.Object], ex);
        }
    }
}
