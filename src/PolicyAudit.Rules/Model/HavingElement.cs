namespace PolicyAudit.Rules;

/// <summary>A <c>Having</c>: conditions over earlier bindings that the match must meet.</summary>
internal sealed class HavingElement : RuleElement
{
    public HavingElement(IReadOnlyList<BoundExpression> conditions)
    {
        Conditions = conditions;
    }

    public IReadOnlyList<BoundExpression> Conditions { get; }

    public override IEnumerable<BoundExpression> Expressions => Conditions;
}
