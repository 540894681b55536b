using System.Linq.Expressions;

namespace PolicyAudit.Rules;

/// <summary>The start of a query inside <see cref="ILeftHandSideExpression.Query{TResult}"/>.</summary>
public interface IQuery
{
    /// <summary>Takes the facts of type <typeparamref name="TSource"/> that meet the conditions as the query's source.</summary>
    /// <typeparam name="TSource">The fact type.</typeparam>
    /// <param name="conditions">Conditions on the fact; they may use earlier bindings.</param>
    /// <returns>The query over those facts.</returns>
    IQuery<TSource> Match<TSource>(params Expression<Func<TSource, bool>>[] conditions);
}
