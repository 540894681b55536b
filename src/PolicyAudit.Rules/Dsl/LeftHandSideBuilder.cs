using System.Linq.Expressions;

namespace PolicyAudit.Rules;

/// <summary>Records left-hand-side elements into a group.</summary>
internal sealed class LeftHandSideBuilder(DslGroup group) : ILeftHandSideExpression
{
    public DslGroup Group { get; } = group;

    public ILeftHandSideExpression Match<TFact>(Expression<Func<TFact>> alias, params Expression<Func<TFact, bool>>[] conditions)
    {
        ArgumentNullException.ThrowIfNull(alias);
        Group.Children.Add(new DslPattern(typeof(TFact), alias, Checked(conditions)));
        return this;
    }

    public ILeftHandSideExpression Match<TFact>(params Expression<Func<TFact, bool>>[] conditions)
    {
        Group.Children.Add(new DslPattern(typeof(TFact), null, Checked(conditions)));
        return this;
    }

    public ILeftHandSideExpression Not<TFact>(params Expression<Func<TFact, bool>>[] conditions)
    {
        Group.Children.Add(new DslExistential(ExistentialKind.Not, typeof(TFact), null, Checked(conditions)));
        return this;
    }

    public ILeftHandSideExpression Exists<TFact>(params Expression<Func<TFact, bool>>[] conditions)
    {
        Group.Children.Add(new DslExistential(ExistentialKind.Exists, typeof(TFact), null, Checked(conditions)));
        return this;
    }

    public ILeftHandSideExpression All<TFact>(Expression<Func<TFact, bool>> baseCondition, params Expression<Func<TFact, bool>>[] conditions)
    {
        ArgumentNullException.ThrowIfNull(baseCondition);
        Group.Children.Add(new DslExistential(ExistentialKind.All, typeof(TFact), baseCondition, Checked(conditions)));
        return this;
    }

    public ILeftHandSideExpression Or(Func<ILeftHandSideExpression, ILeftHandSideExpression> builder) => AddGroup(true, builder);

    public ILeftHandSideExpression And(Func<ILeftHandSideExpression, ILeftHandSideExpression> builder) => AddGroup(false, builder);

    public ILeftHandSideExpression Let<TResult>(Expression<Func<TResult>> alias, Expression<Func<TResult>> expression)
    {
        ArgumentNullException.ThrowIfNull(alias);
        ArgumentNullException.ThrowIfNull(expression);
        Group.Children.Add(new DslLet(alias, expression));
        return this;
    }

    public ILeftHandSideExpression Having(params Expression<Func<bool>>[] conditions)
    {
        Group.Children.Add(new DslHaving(Checked(conditions)));
        return this;
    }

    public ILeftHandSideExpression Query<TResult>(Expression<Func<TResult>> alias, Func<IQuery, IQuery<TResult>> queryAction)
    {
        ArgumentNullException.ThrowIfNull(alias);
        ArgumentNullException.ThrowIfNull(queryAction);
        var query = new DslQuery(alias);
        var result = queryAction(new QueryBuilder(query));
        if (result is not QueryBuilder<TResult> typed || !ReferenceEquals(typed.Query, query))
        {
            throw new ArgumentException("The query must be built from the IQuery it is given, starting with Match.", nameof(queryAction));
        }

        Group.Children.Add(query);
        return this;
    }

    private LeftHandSideBuilder AddGroup(bool isOr, Func<ILeftHandSideExpression, ILeftHandSideExpression> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var child = new DslGroup(isOr);
        builder(new LeftHandSideBuilder(child));
        Group.Children.Add(child);
        return this;
    }

    private static LambdaExpression[] Checked(LambdaExpression[]? conditions)
    {
        if (conditions is null)
        {
            return [];
        }

        foreach (var condition in conditions)
        {
            ArgumentNullException.ThrowIfNull(condition, nameof(conditions));
        }

        return conditions;
    }
}
