using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace PolicyAudit.Rules;

/// <summary>Rewrites decimal constants and operators before compilation (see <see cref="DecimalOperations"/>): a
/// decimal constant becomes a read from a box instead of an inlined constructor call, and a decimal
/// operator becomes a call to a non-inlined helper. Semantics are unchanged.</summary>
internal sealed class JitFriendlyRewriter : ExpressionVisitor
{
    public static readonly JitFriendlyRewriter Instance = new();

    public static Expression<T> Rewrite<T>(Expression<T> lambda) => (Expression<T>)Instance.Visit(lambda);

    protected override Expression VisitConstant(ConstantExpression node)
    {
        if (node.Value is decimal value)
        {
            // The expression compiler emits any decimal value (even one typed object) as an inlined constructor.
            Expression read = Expression.Field(Expression.Constant(new StrongBox<decimal>(value)), nameof(StrongBox<decimal>.Value));
            return node.Type == typeof(decimal) ? read : Expression.Convert(read, node.Type);
        }

        return node;
    }

    protected override Expression VisitBinary(BinaryExpression node)
    {
        if (node.Type.IsAssignableTo(typeof(decimal)) || (node.Left.Type == typeof(decimal) && node.Right.Type == typeof(decimal) && !node.IsLifted))
        {
            var name = node.NodeType switch
            {
                ExpressionType.Add or ExpressionType.AddChecked => nameof(DecimalOperations.Add),
                ExpressionType.Subtract or ExpressionType.SubtractChecked => nameof(DecimalOperations.Subtract),
                ExpressionType.Multiply or ExpressionType.MultiplyChecked => nameof(DecimalOperations.Multiply),
                ExpressionType.Divide => nameof(DecimalOperations.Divide),
                ExpressionType.Modulo => nameof(DecimalOperations.Modulo),
                ExpressionType.Equal => nameof(DecimalOperations.Equal),
                ExpressionType.NotEqual => nameof(DecimalOperations.NotEqual),
                ExpressionType.LessThan => nameof(DecimalOperations.LessThan),
                ExpressionType.LessThanOrEqual => nameof(DecimalOperations.LessThanOrEqual),
                ExpressionType.GreaterThan => nameof(DecimalOperations.GreaterThan),
                ExpressionType.GreaterThanOrEqual => nameof(DecimalOperations.GreaterThanOrEqual),
                _ => null,
            };
            if (name is not null && node.Left.Type == typeof(decimal) && node.Right.Type == typeof(decimal))
            {
                return Expression.Call(Helper(name), Visit(node.Left), Visit(node.Right));
            }
        }

        return base.VisitBinary(node);
    }

    protected override Expression VisitUnary(UnaryExpression node)
    {
        var operand = node.Operand.Type;
        string? name = node.NodeType switch
        {
            ExpressionType.Negate or ExpressionType.NegateChecked when node.Type == typeof(decimal) => nameof(DecimalOperations.Negate),
            ExpressionType.Convert or ExpressionType.ConvertChecked when node.Type == typeof(decimal) && operand == typeof(int) => nameof(DecimalOperations.FromInt32),
            ExpressionType.Convert or ExpressionType.ConvertChecked when node.Type == typeof(decimal) && operand == typeof(long) => nameof(DecimalOperations.FromInt64),
            ExpressionType.Convert or ExpressionType.ConvertChecked when node.Type == typeof(decimal) && operand == typeof(double) => nameof(DecimalOperations.FromDouble),
            ExpressionType.Convert or ExpressionType.ConvertChecked when node.Type == typeof(double) && operand == typeof(decimal) => nameof(DecimalOperations.ToDouble),
            ExpressionType.Convert or ExpressionType.ConvertChecked when node.Type == typeof(int) && operand == typeof(decimal) => nameof(DecimalOperations.ToInt32),
            _ => null,
        };
        return name is null ? base.VisitUnary(node) : Expression.Call(Helper(name), Visit(node.Operand));
    }

    private static MethodInfo Helper(string name) => typeof(DecimalOperations).GetMethod(name)!;
}
