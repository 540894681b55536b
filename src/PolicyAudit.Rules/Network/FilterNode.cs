namespace PolicyAudit.Rules;

/// <summary>Passes a left token on while conditions over its bindings hold (<c>Having</c>).</summary>
internal sealed class FilterNode(int depth, Func<Token, bool> condition, string conditionText) : BetaNode(depth)
{
    public override void LeftAssert(INetworkContext context, Token parent)
    {
        if (Holds(parent))
        {
            AssertChild(context, parent, null, null);
        }
    }

    public override void LeftUpdate(INetworkContext context, Token parent)
    {
        var had = parent.ChildCount > 0;
        var holds = Holds(parent);
        if (had && holds)
        {
            Next!.LeftUpdate(context, parent.ChildAt(0));
        }
        else if (had)
        {
            RetractChildren(context, parent);
        }
        else if (holds)
        {
            AssertChild(context, parent, null, null);
        }
    }

    public override void LeftRetract(INetworkContext context, Token parent) => RetractChildren(context, parent);

    public bool Holds(Token parent)
    {
        try
        {
            return condition(parent);
        }
        catch (Exception ex)
        {
            throw ConditionFailed(conditionText, parent, null, ex);
        }
    }
}
