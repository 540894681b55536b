using System.Linq.Expressions;

namespace PolicyAudit.Rules;

/// <summary>Builds a rule's conditions. Each call adds an element; elements are joined with "and" unless they are
/// inside an <see cref="Or"/> group. A condition may refer to any binding declared by an earlier element.</summary>
public interface ILeftHandSideExpression
{
    /// <summary>Matches a fact of type <typeparamref name="TFact"/> that meets every condition, and binds it to the alias.</summary>
    /// <typeparam name="TFact">The fact type (facts of derived types match too).</typeparam>
    /// <param name="alias">The variable the matched fact is bound to, as <c>() => order</c>.</param>
    /// <param name="conditions">Conditions on the fact; they may use earlier bindings (a join).</param>
    /// <returns>This builder.</returns>
    ILeftHandSideExpression Match<TFact>(Expression<Func<TFact>> alias, params Expression<Func<TFact, bool>>[] conditions);

    /// <summary>Matches a fact of type <typeparamref name="TFact"/> that meets every condition, without binding it.</summary>
    /// <typeparam name="TFact">The fact type.</typeparam>
    /// <param name="conditions">Conditions on the fact.</param>
    /// <returns>This builder.</returns>
    ILeftHandSideExpression Match<TFact>(params Expression<Func<TFact, bool>>[] conditions);

    /// <summary>Requires that no fact of type <typeparamref name="TFact"/> meets the conditions.</summary>
    /// <typeparam name="TFact">The fact type.</typeparam>
    /// <param name="conditions">Conditions on the fact.</param>
    /// <returns>This builder.</returns>
    ILeftHandSideExpression Not<TFact>(params Expression<Func<TFact, bool>>[] conditions);

    /// <summary>Requires that at least one fact of type <typeparamref name="TFact"/> meets the conditions; matches once
    /// however many do.</summary>
    /// <typeparam name="TFact">The fact type.</typeparam>
    /// <param name="conditions">Conditions on the fact.</param>
    /// <returns>This builder.</returns>
    ILeftHandSideExpression Exists<TFact>(params Expression<Func<TFact, bool>>[] conditions);

    /// <summary>Requires that every fact of type <typeparamref name="TFact"/> meeting <paramref name="baseCondition"/>
    /// also meets <paramref name="conditions"/> (true when no fact meets the base condition).</summary>
    /// <typeparam name="TFact">The fact type.</typeparam>
    /// <param name="baseCondition">Which facts are considered.</param>
    /// <param name="conditions">What each considered fact must meet.</param>
    /// <returns>This builder.</returns>
    ILeftHandSideExpression All<TFact>(Expression<Func<TFact, bool>> baseCondition, params Expression<Func<TFact, bool>>[] conditions);

    /// <summary>Adds a group whose elements are alternatives: the rule matches when any of them does.</summary>
    /// <param name="builder">Adds the alternatives to the group's builder.</param>
    /// <returns>This builder.</returns>
    ILeftHandSideExpression Or(Func<ILeftHandSideExpression, ILeftHandSideExpression> builder);

    /// <summary>Adds a group whose elements must all match (useful as one alternative of an <see cref="Or"/>).</summary>
    /// <param name="builder">Adds the elements to the group's builder.</param>
    /// <returns>This builder.</returns>
    ILeftHandSideExpression And(Func<ILeftHandSideExpression, ILeftHandSideExpression> builder);

    /// <summary>Binds the value of an expression over earlier bindings to an alias.</summary>
    /// <typeparam name="TResult">The value's type.</typeparam>
    /// <param name="alias">The variable the value is bound to.</param>
    /// <param name="expression">The value, computed from earlier bindings.</param>
    /// <returns>This builder.</returns>
    ILeftHandSideExpression Let<TResult>(Expression<Func<TResult>> alias, Expression<Func<TResult>> expression);

    /// <summary>Requires conditions over earlier bindings (for example over a <see cref="Let{TResult}"/> value).</summary>
    /// <param name="conditions">Conditions over earlier bindings.</param>
    /// <returns>This builder.</returns>
    ILeftHandSideExpression Having(params Expression<Func<bool>>[] conditions);

    /// <summary>Matches the results of a query over facts (filters, projections, collections, groups, counts, sums),
    /// binding each result to the alias. Results follow their facts: they change as facts are inserted, updated
    /// and retracted.</summary>
    /// <typeparam name="TResult">The type of one result.</typeparam>
    /// <param name="alias">The variable each result is bound to.</param>
    /// <param name="queryAction">Builds the query, starting with <see cref="IQuery.Match{TSource}"/>.</param>
    /// <returns>This builder.</returns>
    ILeftHandSideExpression Query<TResult>(Expression<Func<TResult>> alias, Func<IQuery, IQuery<TResult>> queryAction);
}
