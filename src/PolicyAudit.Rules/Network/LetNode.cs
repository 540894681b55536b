namespace PolicyAudit.Rules;

/// <summary>Binds a computed value: one child token per left token, recomputed when the left token changes.</summary>
internal sealed class LetNode(int depth, Func<Token, object?> expression, string expressionText) : BetaNode(depth)
{
    public override void LeftAssert(INetworkContext context, Token parent) =>
        AssertChild(context, parent, null, Evaluate(parent));

    public override void LeftUpdate(INetworkContext context, Token parent)
    {
        if (parent.ChildCount == 0)
        {
            LeftAssert(context, parent);
            return;
        }

        var child = parent.ChildAt(0);
        child.Value = Evaluate(parent);
        Next!.LeftUpdate(context, child);
    }

    public override void LeftRetract(INetworkContext context, Token parent) => RetractChildren(context, parent);

    private object? Evaluate(Token parent)
    {
        try
        {
            return expression(parent);
        }
        catch (Exception ex)
        {
            throw ConditionFailed(expressionText, parent, null, ex);
        }
    }
}
