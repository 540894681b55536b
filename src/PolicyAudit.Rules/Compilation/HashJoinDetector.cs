using System.Linq.Expressions;
using System.Reflection;

namespace PolicyAudit.Rules;

/// <summary>Finds, among a pattern's join conditions, an equality between an expression of the fact alone and an
/// expression of earlier bindings alone (<c>o.CustomerId == customer.Id</c>). Its two sides become the hash keys of
/// the join's indexes. The full condition is still evaluated on every candidate pair, so the index only needs equal
/// operands to have equal keys, which holds for the equality operators accepted here.</summary>
internal static class HashJoinDetector
{
    private static readonly HashSet<Type> TypesWithConsistentEquality =
    [
        typeof(string), typeof(decimal), typeof(DateTime), typeof(DateTimeOffset), typeof(TimeSpan), typeof(Guid),
    ];

    public sealed record Keys(Expression FactSide, ParameterExpression FactParameter, Expression BindingSide, string ConditionText);

    public static Keys? Find(IReadOnlyList<BoundExpression> joinConditions)
    {
        foreach (var condition in joinConditions)
        {
            if (condition.Lambda.Body is not BinaryExpression { NodeType: ExpressionType.Equal } equal || !HasConsistentEquality(equal.Method))
            {
                continue;
            }

            var fact = condition.Lambda.Parameters[0];
            var left = ParameterCollector.Collect(equal.Left);
            var right = ParameterCollector.Collect(equal.Right);
            if (IsFactOnly(left, fact) && IsBindingsOnly(right, fact))
            {
                return new Keys(equal.Left, fact, equal.Right, condition.Text);
            }

            if (IsFactOnly(right, fact) && IsBindingsOnly(left, fact))
            {
                return new Keys(equal.Right, fact, equal.Left, condition.Text);
            }
        }

        return null;
    }

    private static bool HasConsistentEquality(MethodInfo? method) =>
        method is null
        || TypesWithConsistentEquality.Contains(method.DeclaringType!)
        || method.DeclaringType!.GetProperty("EqualityContract", BindingFlags.Instance | BindingFlags.NonPublic) is not null;

    private static bool IsFactOnly(HashSet<ParameterExpression> used, ParameterExpression fact) => used.Count == 1 && used.Contains(fact);

    private static bool IsBindingsOnly(HashSet<ParameterExpression> used, ParameterExpression fact) => used.Count > 0 && !used.Contains(fact);
}
