namespace PolicyAudit.Rules;

/// <summary>The end of an alpha chain: remembers, per session, the facts that passed, and feeds the beta nodes.</summary>
internal sealed class AlphaMemoryNode(int memoryIndex)
{
    private IRightActivated[] _successors = [];

    public int MemoryIndex { get; } = memoryIndex;

    public IReadOnlyList<IRightActivated> Successors => _successors;

    public void AddSuccessor(IRightActivated node)
    {
        // Deepest first: see IRightActivated.Depth.
        _successors = _successors.Append(node).OrderByDescending(n => n.Depth).ToArray();
    }

    public static NodeSet<Fact>? FactsIn(INetworkContext context, AlphaMemoryNode node) =>
        (NodeSet<Fact>?)context.Memories[node.MemoryIndex];

    public void Assert(INetworkContext context, Fact fact)
    {
        var memory = (NodeSet<Fact>?)context.Memories[MemoryIndex];
        if (memory is null)
        {
            context.Memories[MemoryIndex] = memory = new NodeSet<Fact>();
        }

        if (!memory.Add(fact))
        {
            return;
        }

        foreach (var successor in _successors)
        {
            successor.RightAssert(context, fact);
        }
    }

    public void Update(INetworkContext context, Fact fact)
    {
        var memory = (NodeSet<Fact>?)context.Memories[MemoryIndex];
        if (memory is null || !memory.Contains(fact))
        {
            Assert(context, fact);
            return;
        }

        foreach (var successor in _successors)
        {
            successor.RightUpdate(context, fact);
        }
    }

    public void Retract(INetworkContext context, Fact fact)
    {
        var memory = (NodeSet<Fact>?)context.Memories[MemoryIndex];
        if (memory is null || !memory.Remove(fact))
        {
            return;
        }

        foreach (var successor in _successors)
        {
            successor.RightRetract(context, fact);
        }
    }
}
