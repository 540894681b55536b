using System.Linq.Expressions;

namespace PolicyAudit.Rules;

/// <summary>A recorded <c>Having</c>.</summary>
internal sealed class DslHaving(LambdaExpression[] conditions) : DslElement
{
    public LambdaExpression[] Conditions { get; } = conditions;
}
