namespace PolicyAudit.Rules;

/// <summary>The root of the alpha network for one declared fact type.</summary>
internal sealed class TypeNode(Type factType) : AlphaNode
{
    public Type FactType { get; } = factType;

    public void Assert(INetworkContext context, Fact fact) => PropagateAssert(context, fact);

    public void Update(INetworkContext context, Fact fact) => PropagateUpdate(context, fact);
}
