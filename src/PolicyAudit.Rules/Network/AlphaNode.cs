namespace PolicyAudit.Rules;

/// <summary>A node of the alpha network, which tests facts one at a time. Nodes with equal conditions are shared
/// between rules; each chain ends in an <see cref="AlphaMemoryNode"/>.</summary>
internal abstract class AlphaNode
{
    private readonly Dictionary<string, List<SelectionNode>> _childrenByText = new(StringComparer.Ordinal);

    public List<SelectionNode> Children { get; } = [];

    public AlphaMemoryNode? MemoryNode { get; set; }

    public SelectionNode? FindChild(string text, object[] constants)
    {
        if (_childrenByText.TryGetValue(text, out var candidates))
        {
            foreach (var candidate in candidates)
            {
                if (candidate.HasConstants(constants))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    public void AddChild(SelectionNode child)
    {
        Children.Add(child);
        if (!_childrenByText.TryGetValue(child.Text, out var list))
        {
            _childrenByText.Add(child.Text, list = []);
        }

        list.Add(child);
    }

    protected void PropagateAssert(INetworkContext context, Fact fact)
    {
        foreach (var child in Children)
        {
            child.Assert(context, fact);
        }

        MemoryNode?.Assert(context, fact);
    }

    protected void PropagateUpdate(INetworkContext context, Fact fact)
    {
        foreach (var child in Children)
        {
            child.Update(context, fact);
        }

        MemoryNode?.Update(context, fact);
    }

    public void Retract(INetworkContext context, Fact fact)
    {
        foreach (var child in Children)
        {
            child.Retract(context, fact);
        }

        MemoryNode?.Retract(context, fact);
    }

    public int CountNodes() => 1 + Children.Sum(c => c.CountNodes());
}
