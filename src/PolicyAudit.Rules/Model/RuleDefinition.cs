namespace PolicyAudit.Rules;

/// <summary>The rule model built from one rule class: metadata, left-hand side and actions. Immutable.</summary>
internal sealed class RuleDefinition : IRuleDefinition
{
    public RuleDefinition(
        RuleMetadata metadata,
        GroupElement leftHandSide,
        IReadOnlyList<ActionElement> actions,
        IReadOnlyList<Declaration> declarations)
    {
        Name = metadata.Name;
        Description = metadata.Description;
        Tags = metadata.Tags;
        Priority = metadata.Priority;
        Repeatability = metadata.Repeatability;
        RuleType = metadata.RuleType;
        LeftHandSide = leftHandSide;
        Actions = actions;
        Declarations = declarations;
        DefinitionText = DefinitionTextWriter.Write(this);
    }

    public string Name { get; }

    public string Description { get; }

    public IReadOnlyList<string> Tags { get; }

    public int Priority { get; }

    public RuleRepeatability Repeatability { get; }

    public Type? RuleType { get; }

    public string DefinitionText { get; }

    public GroupElement LeftHandSide { get; }

    public IReadOnlyList<ActionElement> Actions { get; }

    public IReadOnlyList<Declaration> Declarations { get; }

    public override string ToString() => Name;
}
