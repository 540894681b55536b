namespace PolicyAudit.Rules;

/// <summary>A rule in the compiled network: its model and its branches.</summary>
internal sealed class CompiledRule(RuleDefinition definition, int index)
{
    public RuleDefinition Definition { get; } = definition;

    public int Index { get; } = index;

    public List<Production> Productions { get; } = [];
}
