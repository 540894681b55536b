using System.Linq.Expressions;

namespace PolicyAudit.Rules;

/// <summary>Replaces parameters of an expression with other expressions.</summary>
internal sealed class ParameterReplacer(IReadOnlyDictionary<ParameterExpression, Expression> replacements) : ExpressionVisitor
{
    protected override Expression VisitParameter(ParameterExpression node) =>
        replacements.TryGetValue(node, out var replacement) ? replacement : node;
}
