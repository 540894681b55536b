namespace PolicyAudit.Rules;

/// <summary>A <c>Let</c>: binds the value of an expression over earlier bindings.</summary>
internal sealed class LetElement : RuleElement
{
    public LetElement(Declaration declaration, BoundExpression expression)
    {
        Declaration = declaration;
        Expression = expression;
    }

    public Declaration Declaration { get; }

    public BoundExpression Expression { get; }

    public override Declaration? Declares => Declaration;

    public override IEnumerable<BoundExpression> Expressions => [Expression];
}
