using System.Linq.Expressions;

namespace PolicyAudit.Rules;

/// <summary>Records the source of a query.</summary>
internal sealed class QueryBuilder(DslQuery query) : IQuery
{
    public IQuery<TSource> Match<TSource>(params Expression<Func<TSource, bool>>[] conditions)
    {
        if (query.SourceType is not null)
        {
            throw new InvalidOperationException("A query has one source: call Match once.");
        }

        query.SourceType = typeof(TSource);
        query.SourceConditions = conditions ?? [];
        return new QueryBuilder<TSource>(query);
    }
}
