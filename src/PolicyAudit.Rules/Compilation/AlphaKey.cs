using System.Linq.Expressions;

namespace PolicyAudit.Rules;

/// <summary>The sharing key of an alpha condition: its text with the fact parameter renamed (so <c>o => o.Total > 5</c>
/// and <c>x => x.Total > 5</c> are equal), plus the captured objects it uses, compared by reference (two rules
/// calling methods of different service instances must not share a node).</summary>
internal static class AlphaKey
{
    public static (string Text, object[] Constants) Of(BoundExpression condition)
    {
        var original = condition.Lambda.Parameters[0];
        var renamed = Expression.Parameter(original.Type, "fact");
        var body = new ParameterReplacer(new Dictionary<ParameterExpression, Expression> { [original] = renamed }).Visit(condition.Lambda.Body);
        var constants = new ConstantCollector();
        constants.Visit(body);
        return (ExpressionPrinter.Print(body), constants.Objects.ToArray());
    }

    private sealed class ConstantCollector : ExpressionVisitor
    {
        public List<object> Objects { get; } = [];

        protected override Expression VisitConstant(ConstantExpression node)
        {
            if (node.Value is not null && !ExpressionPrinter.IsSimpleValueType(node.Value.GetType()))
            {
                Objects.Add(node.Value);
            }

            return node;
        }
    }
}
