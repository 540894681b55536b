using System.Linq.Expressions;

namespace PolicyAudit.Rules;

/// <summary>Builds a rule's actions; they run in order each time the rule fires.</summary>
public interface IRightHandSideExpression
{
    /// <summary>Runs an action. It may use the rule's bindings and the context (to insert, update or retract facts).</summary>
    /// <param name="action">The action, as <c>ctx => ...</c>.</param>
    /// <returns>This builder.</returns>
    IRightHandSideExpression Do(Expression<Action<IContext>> action);

    /// <summary>Inserts a fact linked to the match: when the rule fires again for the same match the fact is replaced
    /// by a newly yielded one, and when the match stops holding the fact is retracted.</summary>
    /// <typeparam name="TFact">The yielded fact's type.</typeparam>
    /// <param name="yield">Creates the fact.</param>
    /// <returns>This builder.</returns>
    IRightHandSideExpression Yield<TFact>(Expression<Func<IContext, TFact>> yield);

    /// <summary>Like <see cref="Yield{TFact}(Expression{Func{IContext, TFact}})"/>, with a function that computes the
    /// fact from the previously yielded one when the rule fires again for the same match.</summary>
    /// <typeparam name="TFact">The yielded fact's type.</typeparam>
    /// <param name="yieldInsert">Creates the fact the first time.</param>
    /// <param name="yieldUpdate">Computes the new fact from the context and the previous fact.</param>
    /// <returns>This builder.</returns>
    IRightHandSideExpression Yield<TFact>(Expression<Func<IContext, TFact>> yieldInsert, Expression<Func<IContext, TFact, TFact>> yieldUpdate);
}
