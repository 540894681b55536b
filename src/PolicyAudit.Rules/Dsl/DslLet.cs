using System.Linq.Expressions;

namespace PolicyAudit.Rules;

/// <summary>A recorded <c>Let</c>.</summary>
internal sealed class DslLet(LambdaExpression alias, LambdaExpression expression) : DslElement
{
    public LambdaExpression Alias { get; } = alias;

    public LambdaExpression Expression { get; } = expression;
}
