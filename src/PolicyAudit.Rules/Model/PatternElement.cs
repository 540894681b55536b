namespace PolicyAudit.Rules;

/// <summary>A <c>Match</c>: a fact of a type that meets all conditions, bound to a declaration.</summary>
internal sealed class PatternElement : RuleElement
{
    public PatternElement(Declaration declaration, IReadOnlyList<BoundExpression> conditions)
    {
        Declaration = declaration;
        Conditions = conditions;
    }

    public Declaration Declaration { get; }

    public Type FactType => Declaration.Type;

    public IReadOnlyList<BoundExpression> Conditions { get; }

    public override Declaration? Declares => Declaration;

    public override IEnumerable<BoundExpression> Expressions => Conditions;
}
