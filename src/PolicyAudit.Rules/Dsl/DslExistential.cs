using System.Linq.Expressions;

namespace PolicyAudit.Rules;

/// <summary>A recorded <c>Not</c>, <c>Exists</c> or <c>All</c>.</summary>
internal sealed class DslExistential(ExistentialKind kind, Type factType, LambdaExpression? baseCondition, LambdaExpression[] conditions) : DslElement
{
    public ExistentialKind Kind { get; } = kind;

    public Type FactType { get; } = factType;

    public LambdaExpression? BaseCondition { get; } = baseCondition;

    public LambdaExpression[] Conditions { get; } = conditions;
}
