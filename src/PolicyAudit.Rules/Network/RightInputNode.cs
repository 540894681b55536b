namespace PolicyAudit.Rules;

/// <summary>A beta node that also receives facts from an alpha memory.</summary>
internal abstract class RightInputNode(int depth, int memoryIndex, AlphaMemoryNode right) : BetaNode(depth), IRightActivated
{
    public int MemoryIndex { get; } = memoryIndex;

    public AlphaMemoryNode Right { get; } = right;

    public abstract void RightAssert(INetworkContext context, Fact fact);

    public abstract void RightUpdate(INetworkContext context, Fact fact);

    public abstract void RightRetract(INetworkContext context, Fact fact);

    public BetaMemory? PeekMemory(INetworkContext context) => (BetaMemory?)context.Memories[MemoryIndex];

    protected BetaMemory Memory(INetworkContext context)
    {
        var memory = (BetaMemory?)context.Memories[MemoryIndex];
        if (memory is null)
        {
            memory = CreateMemory(context);
            context.Memories[MemoryIndex] = memory;
            if (IsFirst)
            {
                OnFirstTouch(context, memory, context.RootOf(Production));
            }
        }

        return memory;
    }

    protected virtual BetaMemory CreateMemory(INetworkContext context) => new();

    /// <summary>Records the root token as a left token; only joins are first nodes touched lazily like this.</summary>
    protected virtual void OnFirstTouch(INetworkContext context, BetaMemory memory, Token root) => memory.Left.Add(root);

    protected NodeSet<Fact>? RightFacts(INetworkContext context) => AlphaMemoryNode.FactsIn(context, Right);
}
