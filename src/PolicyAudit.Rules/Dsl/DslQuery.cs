using System.Linq.Expressions;

namespace PolicyAudit.Rules;

/// <summary>A recorded <c>Query</c>: its alias, source and stages.</summary>
internal sealed class DslQuery(LambdaExpression alias) : DslElement
{
    public LambdaExpression Alias { get; } = alias;

    public Type? SourceType { get; set; }

    public LambdaExpression[] SourceConditions { get; set; } = [];

    public List<(QueryStageKind Kind, LambdaExpression? Expression, Type Input, Type Output)> Stages { get; } = [];
}
