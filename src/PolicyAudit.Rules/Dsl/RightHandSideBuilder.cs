using System.Linq.Expressions;

namespace PolicyAudit.Rules;

/// <summary>Records right-hand-side actions.</summary>
internal sealed class RightHandSideBuilder : IRightHandSideExpression
{
    public List<DslAction> Actions { get; } = [];

    public IRightHandSideExpression Do(Expression<Action<IContext>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        Actions.Add(new DslAction(action, null, null));
        return this;
    }

    public IRightHandSideExpression Yield<TFact>(Expression<Func<IContext, TFact>> yield)
    {
        ArgumentNullException.ThrowIfNull(yield);
        Actions.Add(new DslAction(yield, typeof(TFact), null));
        return this;
    }

    public IRightHandSideExpression Yield<TFact>(Expression<Func<IContext, TFact>> yieldInsert, Expression<Func<IContext, TFact, TFact>> yieldUpdate)
    {
        ArgumentNullException.ThrowIfNull(yieldInsert);
        ArgumentNullException.ThrowIfNull(yieldUpdate);
        Actions.Add(new DslAction(yieldInsert, typeof(TFact), yieldUpdate));
        return this;
    }
}
