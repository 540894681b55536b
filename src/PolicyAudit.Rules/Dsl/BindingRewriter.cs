using System.Linq.Expressions;
using System.Reflection;

namespace PolicyAudit.Rules;

/// <summary>Rewrites one lambda of a rule: a captured alias becomes its binding's parameter, and a captured value of a
/// simple type (a threshold in a local or a field) becomes a constant, so conditions and the definition text use
/// the value the rule had when it was loaded.</summary>
internal sealed class BindingRewriter(IReadOnlyDictionary<MemberInfo, Declaration> declarations) : ExpressionVisitor
{
    private readonly List<Declaration> _references = [];

    public IReadOnlyList<Declaration> References => _references;

    /// <summary>A captured local of the rule's Define() that is still null and bound by no element: almost surely an
    /// alias the author forgot to Match (captured services are never null when the rule is loaded).</summary>
    public string? UnboundLocal { get; private set; }

    protected override Expression VisitMember(MemberExpression node)
    {
        if (node.Member is FieldInfo && RuleBuilder.IsClosureChain(node.Expression))
        {
            if (declarations.TryGetValue(node.Member, out var declaration))
            {
                if (!_references.Contains(declaration))
                {
                    _references.Add(declaration);
                }

                return declaration.Parameter;
            }

            if (ExpressionPrinter.IsSimpleValueType(node.Type) && TryEvaluate(node, out var value))
            {
                return Expression.Constant(value, node.Type);
            }

            if (!node.Type.IsValueType && IsLocalOfDefine(node) && TryEvaluate(node, out var captured) && captured is null)
            {
                UnboundLocal ??= node.Member.Name;
            }
        }

        if (node.Member is FieldInfo { IsStatic: true, IsInitOnly: true } staticField && ExpressionPrinter.IsSimpleValueType(node.Type))
        {
            return Expression.Constant(staticField.GetValue(null), node.Type);
        }

        return base.VisitMember(node);
    }

    private static bool IsLocalOfDefine(MemberExpression node) =>
        node.Expression is ConstantExpression { Value: { } closure } && closure is not Rule
        && closure.GetType().Name.Contains('<', StringComparison.Ordinal);

    private static bool TryEvaluate(Expression expression, out object? value)
    {
        switch (expression)
        {
            case ConstantExpression constant:
                value = constant.Value;
                return true;
            case MemberExpression { Member: FieldInfo field } member:
                object? owner = null;
                if (member.Expression is not null && (!TryEvaluate(member.Expression, out owner) || owner is null))
                {
                    value = null;
                    return false;
                }

                value = field.GetValue(owner);
                return true;
            default:
                value = null;
                return false;
        }
    }
}
