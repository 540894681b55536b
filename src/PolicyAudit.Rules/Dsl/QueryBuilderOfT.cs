using System.Linq.Expressions;
using System.Numerics;

namespace PolicyAudit.Rules;

/// <summary>Records the stages of a query whose elements are of type <typeparamref name="TSource"/>.</summary>
internal sealed class QueryBuilder<TSource>(DslQuery query) : IQuery<TSource>
{
    public DslQuery Query { get; } = query;

    public IQuery<TSource> Where(params Expression<Func<TSource, bool>>[] predicates)
    {
        foreach (var predicate in predicates ?? [])
        {
            ArgumentNullException.ThrowIfNull(predicate, nameof(predicates));
            Query.Stages.Add((QueryStageKind.Where, predicate, typeof(TSource), typeof(TSource)));
        }

        return this;
    }

    public IQuery<TResult> Select<TResult>(Expression<Func<TSource, TResult>> selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        return Next<TResult>(QueryStageKind.Select, selector);
    }

    public IQuery<IEnumerable<TSource>> Collect() => Next<IEnumerable<TSource>>(QueryStageKind.Collect, null);

    public IQuery<IGrouping<TKey, TSource>> GroupBy<TKey>(Expression<Func<TSource, TKey>> keySelector)
    {
        ArgumentNullException.ThrowIfNull(keySelector);
        return Next<IGrouping<TKey, TSource>>(QueryStageKind.GroupBy, keySelector);
    }

    public IQuery<int> Count() => Next<int>(QueryStageKind.Count, null);

    public IQuery<TResult> Sum<TResult>(Expression<Func<TSource, TResult>> selector)
        where TResult : INumber<TResult>
    {
        ArgumentNullException.ThrowIfNull(selector);
        return Next<TResult>(QueryStageKind.Sum, selector);
    }

    private QueryBuilder<TResult> Next<TResult>(QueryStageKind kind, LambdaExpression? expression)
    {
        Query.Stages.Add((kind, expression, typeof(TSource), typeof(TResult)));
        return new QueryBuilder<TResult>(Query);
    }
}
