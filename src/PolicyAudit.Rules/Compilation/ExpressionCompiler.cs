using System.Linq.Expressions;
using System.Reflection;

namespace PolicyAudit.Rules;

/// <summary>Compiles model expressions into delegates, once, at <see cref="RuleRepository.Compile()"/>. A binding becomes
/// a read of its slot from the token (<see cref="Token.Get"/>) converted to its type, and several conditions of one
/// element become a single delegate, so the hot path calls one delegate and never reflects.</summary>
internal sealed class ExpressionCompiler(IReadOnlyDictionary<Declaration, int> slots)
{
    private static readonly MethodInfo TokenGet = typeof(Token).GetMethod(nameof(Token.Get))!;

    private readonly ParameterExpression _token = Expression.Parameter(typeof(Token), "token");

    public static Func<object, bool> Alpha(BoundExpression condition, Type factType)
    {
        var fact = Expression.Parameter(typeof(object), "fact");
        var body = Inline(condition, [Expression.Convert(fact, factType)], null, EmptySlots);
        return Expression.Lambda<Func<object, bool>>(body, fact).CompileLazily();
    }

    public static Func<object, object?> FactKey(Expression keyBody, ParameterExpression factParameter)
    {
        var fact = Expression.Parameter(typeof(object), "fact");
        var body = new ParameterReplacer(new Dictionary<ParameterExpression, Expression> { [factParameter] = Expression.Convert(fact, factParameter.Type) })
            .Visit(keyBody);
        return Expression.Lambda<Func<object, object?>>(Expression.Convert(body, typeof(object)), fact).CompileLazily();
    }

    public Func<Token, object?> TokenKey(Expression keyBody)
    {
        var body = BindSlots(keyBody);
        return Expression.Lambda<Func<Token, object?>>(Expression.Convert(body, typeof(object)), _token).CompileLazily();
    }

    public Func<Token, object, bool>? Join(IReadOnlyList<BoundExpression> conditions, Type factType)
    {
        if (conditions.Count == 0)
        {
            return null;
        }

        var fact = Expression.Parameter(typeof(object), "fact");
        var typedFact = Expression.Convert(fact, factType);
        Expression? body = null;
        foreach (var condition in conditions)
        {
            var part = Inline(condition, [typedFact], _token, slots);
            body = body is null ? part : Expression.AndAlso(body, part);
        }

        return Expression.Lambda<Func<Token, object, bool>>(body!, _token, fact).CompileLazily();
    }

    public Func<Token, bool> TokenPredicate(IReadOnlyList<BoundExpression> conditions)
    {
        Expression? body = null;
        foreach (var condition in conditions)
        {
            var part = Inline(condition, [], _token, slots);
            body = body is null ? part : Expression.AndAlso(body, part);
        }

        return Expression.Lambda<Func<Token, bool>>(body!, _token).CompileLazily();
    }

    public Func<Token, object?> TokenValue(BoundExpression expression)
    {
        var body = Inline(expression, [], _token, slots);
        return Expression.Lambda<Func<Token, object?>>(Expression.Convert(body, typeof(object)), _token).CompileLazily();
    }

    public Func<Token, object?, bool> ElementPredicate(BoundExpression predicate, Type elementType)
    {
        var element = Expression.Parameter(typeof(object), "element");
        var body = Inline(predicate, [Expression.Convert(element, elementType)], _token, slots);
        return Expression.Lambda<Func<Token, object?, bool>>(body, _token, element).CompileLazily();
    }

    public Func<Token, object?, object?> ElementSelector(BoundExpression selector, Type elementType)
    {
        var element = Expression.Parameter(typeof(object), "element");
        var body = Inline(selector, [Expression.Convert(element, elementType)], _token, slots);
        return Expression.Lambda<Func<Token, object?, object?>>(Expression.Convert(body, typeof(object)), _token, element).CompileLazily();
    }

    public Action<IContext, Token> Action(BoundExpression action)
    {
        var context = Expression.Parameter(typeof(IContext), "ctx");
        var body = Inline(action, [context], _token, slots);
        return Expression.Lambda<Action<IContext, Token>>(body, context, _token).CompileLazily();
    }

    public Func<IContext, Token, object?> Yield(BoundExpression yield)
    {
        var context = Expression.Parameter(typeof(IContext), "ctx");
        var body = Inline(yield, [context], _token, slots);
        return Expression.Lambda<Func<IContext, Token, object?>>(Expression.Convert(body, typeof(object)), context, _token).CompileLazily();
    }

    public Func<IContext, Token, object?, object?> YieldUpdate(BoundExpression update, Type factType)
    {
        var context = Expression.Parameter(typeof(IContext), "ctx");
        var previous = Expression.Parameter(typeof(object), "previous");
        var body = Inline(update, [context, Expression.Convert(previous, factType)], _token, slots);
        return Expression.Lambda<Func<IContext, Token, object?, object?>>(Expression.Convert(body, typeof(object)), context, _token, previous).CompileLazily();
    }

    private static readonly IReadOnlyDictionary<Declaration, int> EmptySlots = new Dictionary<Declaration, int>();

    private Expression BindSlots(Expression body)
    {
        var map = new Dictionary<ParameterExpression, Expression>();
        foreach (var (declaration, slot) in slots)
        {
            map[declaration.Parameter] = SlotAccess(_token, declaration, slot);
        }

        return new ParameterReplacer(map).Visit(body);
    }

    private static Expression Inline(BoundExpression expression, IReadOnlyList<Expression> leading, Expression? token, IReadOnlyDictionary<Declaration, int> slots)
    {
        var lambda = expression.Lambda;
        var map = new Dictionary<ParameterExpression, Expression>();
        for (var i = 0; i < expression.LeadingParameterCount; i++)
        {
            map[lambda.Parameters[i]] = leading[i];
        }

        foreach (var reference in expression.References)
        {
            map[reference.Parameter] = SlotAccess(token!, reference, slots[reference]);
        }

        return new ParameterReplacer(map).Visit(lambda.Body);
    }

    private static Expression SlotAccess(Expression token, Declaration declaration, int slot) =>
        Expression.Convert(Expression.Call(token, TokenGet, Expression.Constant(slot)), declaration.Type);
}
