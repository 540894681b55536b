using System.Collections.Concurrent;

namespace PolicyAudit.Rules;

/// <summary>The compiled network shared by every session of a factory. Immutable after compilation; the only
/// mutable part is a thread-safe cache from a runtime fact type to the type nodes it reaches.</summary>
internal sealed class ReteNetwork
{
    private readonly ConcurrentDictionary<Type, TypeNode[]> _typeNodesByRuntimeType = new();

    public ReteNetwork(
        IReadOnlyList<CompiledRule> rules,
        IReadOnlyList<Production> productions,
        IReadOnlyList<TypeNode> typeNodes,
        IReadOnlyList<BetaNode> eagerFirstNodes,
        int memoryCount)
    {
        Rules = rules;
        Productions = productions;
        TypeNodes = typeNodes;
        EagerFirstNodes = eagerFirstNodes;
        MemoryCount = memoryCount;
        RulesByName = rules.ToDictionary(r => r.Definition.Name, StringComparer.Ordinal);
    }

    public IReadOnlyList<CompiledRule> Rules { get; }

    public IReadOnlyDictionary<string, CompiledRule> RulesByName { get; }

    public IReadOnlyList<Production> Productions { get; }

    public IReadOnlyList<TypeNode> TypeNodes { get; }

    /// <summary>First nodes that must see their branch's root token when a session starts (a <c>Not</c> first
    /// matches an empty session). First joins get the root lazily.</summary>
    public IReadOnlyList<BetaNode> EagerFirstNodes { get; }

    public int MemoryCount { get; }

    public int AlphaNodeCount => TypeNodes.Sum(t => t.CountNodes() - 1);

    public int AlphaMemoryCount => CountMemories(TypeNodes);

    public IEnumerable<BetaNode> BetaNodes => Productions.SelectMany(p => p.Nodes);

    public TypeNode[] TypeNodesFor(Type runtimeType)
    {
        if (_typeNodesByRuntimeType.TryGetValue(runtimeType, out var nodes))
        {
            return nodes;
        }

        return _typeNodesByRuntimeType.GetOrAdd(
            runtimeType,
            static (type, all) => all.Where(n => n.FactType.IsAssignableFrom(type)).ToArray(),
            TypeNodes);
    }

    private static int CountMemories(IEnumerable<AlphaNode> nodes) =>
        nodes.Sum(n => (n.MemoryNode is null ? 0 : 1) + CountMemories(n.Children));
}
