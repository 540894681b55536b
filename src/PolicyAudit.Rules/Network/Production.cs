namespace PolicyAudit.Rules;

/// <summary>One branch of a compiled rule (a rule has one per alternative of its <c>Or</c> groups): its chain of
/// beta nodes, what each slot binds, and its actions.</summary>
internal sealed class Production(CompiledRule rule, int index, int networkIndex)
{
    public CompiledRule Rule { get; } = rule;

    /// <summary>The branch's index within its rule.</summary>
    public int Index { get; } = index;

    /// <summary>The branch's index within the network, for per-session root tokens.</summary>
    public int NetworkIndex { get; } = networkIndex;

    public BetaNode[] Nodes { get; set; } = [];

    public TerminalNode Terminal { get; set; } = null!;

    /// <summary>The declaration each slot binds; null for slots of <c>Not</c>, <c>Exists</c>, <c>All</c>, <c>Having</c>.</summary>
    public Declaration?[] Slots { get; set; } = [];

    public CompiledAction[] Actions { get; set; } = [];

    public int YieldCount { get; set; }

    /// <summary>The slot of each declaration bound in this branch.</summary>
    public IReadOnlyDictionary<Declaration, int> SlotOf { get; set; } = new Dictionary<Declaration, int>();

    public IReadOnlyList<FactMatch> FactsOf(Token token)
    {
        var matches = new List<FactMatch>(Slots.Length);
        for (var t = token; t is not null && t.Depth >= 0; t = t.Parent)
        {
            var declaration = Slots[t.Depth];
            if (declaration is not null)
            {
                matches.Add(new FactMatch(declaration.Name, declaration.Type, t.Own));
            }
        }

        matches.Reverse();
        return matches;
    }
}
