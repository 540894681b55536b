namespace PolicyAudit.Rules;

/// <summary>A node of the beta network: receives partial matches (tokens) from the previous node of its rule branch
/// and passes extended ones to <see cref="Next"/>. Beta nodes are not shared between branches, so the children of a
/// token are exactly the tokens this node built on it.</summary>
internal abstract class BetaNode(int depth)
{
    /// <summary>The slot of the tokens this node creates.</summary>
    public int Depth { get; } = depth;

    public BetaNode? Next { get; set; }

    public Production Production { get; set; } = null!;

    /// <summary>True for the first node of a branch, whose left input is the branch's root token.</summary>
    public bool IsFirst { get; set; }

    /// <summary>The rule element this node implements, for explanations.</summary>
    public RuleElement? Element { get; set; }

    public abstract void LeftAssert(INetworkContext context, Token parent);

    public abstract void LeftUpdate(INetworkContext context, Token parent);

    public abstract void LeftRetract(INetworkContext context, Token parent);

    protected Token AssertChild(INetworkContext context, Token parent, Fact? fact, object? value)
    {
        var child = new Token(parent, Depth, fact, value);
        parent.AddChild(child);
        Next!.LeftAssert(context, child);
        return child;
    }

    protected void RetractChild(INetworkContext context, Token parent, Token child)
    {
        parent.RemoveChild(child);
        Next!.LeftRetract(context, child);
    }

    protected void RetractChildren(INetworkContext context, Token parent)
    {
        for (var i = parent.ChildCount - 1; i >= 0; i--)
        {
            var child = parent.ChildAt(i);
            parent.RemoveChildAt(i);
            Next!.LeftRetract(context, child);
        }
    }

    protected RuleConditionEvaluationException ConditionFailed(string condition, Token token, object? fact, Exception error)
    {
        var facts = token.Values();
        if (fact is not null)
        {
            facts.Add(fact);
        }

        return new RuleConditionEvaluationException([Production.Rule.Definition.Name], condition, facts, error);
    }
}
