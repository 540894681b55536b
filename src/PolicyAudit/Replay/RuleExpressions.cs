using System.Linq.Expressions;
using NRules.RuleModel;

namespace PolicyAudit;

/// <summary>The conditions of an NRules rule definition: every lambda of its left-hand side, and the pattern types it matches.</summary>
internal static class RuleExpressions
{
    /// <summary>Every expression in the conditions (patterns, joins, bindings, aggregates, filters), not the actions.</summary>
    public static IEnumerable<LambdaExpression> ConditionsOf(IRuleDefinition definition)
    {
        foreach (var lambda in Walk(definition.LeftHandSide))
        {
            yield return lambda;
        }

        foreach (var filter in definition.FilterGroup.Filters)
        {
            yield return filter.Expression;
        }
    }

    /// <summary>The types of the facts the rule's patterns match.</summary>
    public static IEnumerable<Type> PatternTypesOf(IRuleDefinition definition) => Patterns(definition.LeftHandSide).Select(p => p.ValueType);

    private static IEnumerable<LambdaExpression> Walk(RuleElement element)
    {
        switch (element)
        {
            case ExpressionElement expression:
                yield return expression.Expression;
                break;
            case PatternElement pattern:
                foreach (var named in pattern.Expressions)
                {
                    yield return named.Expression;
                }

                if (pattern.Source is not null)
                {
                    foreach (var inner in Walk(pattern.Source))
                    {
                        yield return inner;
                    }
                }

                break;
            default:
                foreach (var child in Children(element))
                {
                    foreach (var inner in Walk(child))
                    {
                        yield return inner;
                    }
                }

                break;
        }
    }

    private static IEnumerable<PatternElement> Patterns(RuleElement element)
    {
        if (element is PatternElement pattern)
        {
            yield return pattern;
        }

        var children = element is PatternElement { Source: { } source } ? [source] : Children(element);
        foreach (var child in children)
        {
            foreach (var inner in Patterns(child))
            {
                yield return inner;
            }
        }
    }

    private static IEnumerable<RuleElement> Children(RuleElement element) => element switch
    {
        GroupElement group => group.ChildElements,
        AggregateElement aggregate => [aggregate.Source, .. aggregate.Expressions],
        NotElement not => [not.Source],
        ExistsElement exists => [exists.Source],
        ForAllElement all => [all.BasePattern, .. all.Patterns],
        _ => [],
    };
}
