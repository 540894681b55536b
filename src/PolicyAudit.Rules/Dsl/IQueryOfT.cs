using System.Linq.Expressions;
using System.Numerics;

namespace PolicyAudit.Rules;

/// <summary>A query whose current elements are of type <typeparamref name="TSource"/>. Operations apply in order,
/// to every element (<c>Where</c>, <c>Select</c>) or to all elements at once (<c>Collect</c>, <c>GroupBy</c>,
/// <c>Count</c>, <c>Sum</c>). Each element left at the end is one result of the query.</summary>
/// <typeparam name="TSource">The element type.</typeparam>
public interface IQuery<TSource>
{
    /// <summary>Keeps the elements that meet every predicate.</summary>
    /// <param name="predicates">Predicates on an element; they may use earlier bindings.</param>
    /// <returns>The filtered query.</returns>
    IQuery<TSource> Where(params Expression<Func<TSource, bool>>[] predicates);

    /// <summary>Projects each element.</summary>
    /// <typeparam name="TResult">The projected type.</typeparam>
    /// <param name="selector">The projection.</param>
    /// <returns>The projected query.</returns>
    IQuery<TResult> Select<TResult>(Expression<Func<TSource, TResult>> selector);

    /// <summary>Collects all elements into one collection (empty when there are none), in insertion order.</summary>
    /// <returns>A query with one element: the collection.</returns>
    IQuery<IEnumerable<TSource>> Collect();

    /// <summary>Groups the elements by key: one result per group that has elements.</summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <param name="keySelector">The key of an element.</param>
    /// <returns>A query with one element per group.</returns>
    IQuery<IGrouping<TKey, TSource>> GroupBy<TKey>(Expression<Func<TSource, TKey>> keySelector);

    /// <summary>Counts the elements (0 when there are none).</summary>
    /// <returns>A query with one element: the count.</returns>
    IQuery<int> Count();

    /// <summary>Sums a number over the elements (zero when there are none).</summary>
    /// <typeparam name="TResult">The number type.</typeparam>
    /// <param name="selector">The number of an element.</param>
    /// <returns>A query with one element: the sum.</returns>
    IQuery<TResult> Sum<TResult>(Expression<Func<TSource, TResult>> selector)
        where TResult : INumber<TResult>;
}
