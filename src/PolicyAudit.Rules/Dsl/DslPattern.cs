using System.Linq.Expressions;

namespace PolicyAudit.Rules;

/// <summary>A recorded <c>Match</c>.</summary>
internal sealed class DslPattern(Type factType, LambdaExpression? alias, LambdaExpression[] conditions) : DslElement
{
    public Type FactType { get; } = factType;

    public LambdaExpression? Alias { get; } = alias;

    public LambdaExpression[] Conditions { get; } = conditions;
}
