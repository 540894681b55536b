namespace PolicyAudit.Rules;

/// <summary>The end of a rule branch: a complete match becomes an activation on the session's agenda.</summary>
internal sealed class TerminalNode(int depth) : BetaNode(depth)
{
    public override void LeftAssert(INetworkContext context, Token parent)
    {
        var activation = new Activation(Production, parent);
        parent.Activation = activation;
        context.OnActivationCreated(activation);
    }

    public override void LeftUpdate(INetworkContext context, Token parent)
    {
        if (parent.Activation is { } activation)
        {
            context.OnActivationUpdated(activation);
        }
    }

    public override void LeftRetract(INetworkContext context, Token parent)
    {
        if (parent.Activation is { } activation)
        {
            parent.Activation = null;
            context.OnActivationDeleted(activation);
        }
    }
}
