using System.Linq.Expressions;

namespace PolicyAudit.Rules;

/// <summary>What the fluent builders record, before binding references are resolved into the rule model.</summary>
internal abstract class DslElement
{
}

internal sealed class DslGroup(bool isOr) : DslElement
{
    public bool IsOr { get; } = isOr;

    public List<DslElement> Children { get; } = [];
}

internal sealed class DslPattern(Type factType, LambdaExpression? alias, LambdaExpression[] conditions) : DslElement
{
    public Type FactType { get; } = factType;

    public LambdaExpression? Alias { get; } = alias;

    public LambdaExpression[] Conditions { get; } = conditions;
}

internal sealed class DslExistential(ExistentialKind kind, Type factType, LambdaExpression? baseCondition, LambdaExpression[] conditions) : DslElement
{
    public ExistentialKind Kind { get; } = kind;

    public Type FactType { get; } = factType;

    public LambdaExpression? BaseCondition { get; } = baseCondition;

    public LambdaExpression[] Conditions { get; } = conditions;
}

internal sealed class DslLet(LambdaExpression alias, LambdaExpression expression) : DslElement
{
    public LambdaExpression Alias { get; } = alias;

    public LambdaExpression Expression { get; } = expression;
}

internal sealed class DslHaving(LambdaExpression[] conditions) : DslElement
{
    public LambdaExpression[] Conditions { get; } = conditions;
}

internal sealed class DslQuery(LambdaExpression alias) : DslElement
{
    public LambdaExpression Alias { get; } = alias;

    public Type? SourceType { get; set; }

    public LambdaExpression[] SourceConditions { get; set; } = [];

    public List<(QueryStageKind Kind, LambdaExpression? Expression, Type Input, Type Output)> Stages { get; } = [];
}

internal sealed class DslAction(LambdaExpression action, Type? yieldedType, LambdaExpression? update)
{
    public LambdaExpression Action { get; } = action;

    public Type? YieldedType { get; } = yieldedType;

    public LambdaExpression? Update { get; } = update;
}
