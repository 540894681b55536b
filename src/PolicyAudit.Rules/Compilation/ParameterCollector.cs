using System.Linq.Expressions;

namespace PolicyAudit.Rules;

/// <summary>Lists the free parameters an expression uses (parameters of nested lambdas excluded).</summary>
internal sealed class ParameterCollector : ExpressionVisitor
{
    private readonly HashSet<ParameterExpression> _used = [];
    private readonly HashSet<ParameterExpression> _nested = [];

    public static HashSet<ParameterExpression> Collect(Expression expression)
    {
        var collector = new ParameterCollector();
        collector.Visit(expression);
        collector._used.ExceptWith(collector._nested);
        return collector._used;
    }

    protected override Expression VisitLambda<T>(Expression<T> node)
    {
        _nested.UnionWith(node.Parameters);
        return base.VisitLambda(node);
    }

    protected override Expression VisitParameter(ParameterExpression node)
    {
        _used.Add(node);
        return node;
    }
}
