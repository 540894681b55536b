using System.Linq.Expressions;

namespace PolicyAudit.Rules;

/// <summary>A recorded <c>Do</c> or <c>Yield</c>.</summary>
internal sealed class DslAction(LambdaExpression action, Type? yieldedType, LambdaExpression? update)
{
    public LambdaExpression Action { get; } = action;

    public Type? YieldedType { get; } = yieldedType;

    public LambdaExpression? Update { get; } = update;
}
