namespace PolicyAudit.Rules;

/// <summary>A <c>Not</c>, <c>Exists</c> or <c>All</c> over facts of one type.</summary>
internal sealed class ExistentialElement : RuleElement
{
    public ExistentialElement(ExistentialKind kind, Type factType, BoundExpression? baseCondition, IReadOnlyList<BoundExpression> conditions)
    {
        Kind = kind;
        FactType = factType;
        BaseCondition = baseCondition;
        Conditions = conditions;
    }

    public ExistentialKind Kind { get; }

    public Type FactType { get; }

    /// <summary>For <c>All</c>: which facts must meet <see cref="Conditions"/>.</summary>
    public BoundExpression? BaseCondition { get; }

    public IReadOnlyList<BoundExpression> Conditions { get; }

    public override IEnumerable<BoundExpression> Expressions =>
        BaseCondition is null ? Conditions : Conditions.Prepend(BaseCondition);
}
