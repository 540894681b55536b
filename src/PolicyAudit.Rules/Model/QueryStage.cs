namespace PolicyAudit.Rules;

/// <summary>One stage of a query pipeline: its operation, its lambda (if any) and the element types around it.</summary>
internal sealed class QueryStage
{
    public QueryStage(QueryStageKind kind, BoundExpression? expression, Type inputType, Type outputType)
    {
        Kind = kind;
        Expression = expression;
        InputType = inputType;
        OutputType = outputType;
    }

    public QueryStageKind Kind { get; }

    public BoundExpression? Expression { get; }

    public Type InputType { get; }

    public Type OutputType { get; }

    public string Text => Kind switch
    {
        QueryStageKind.Where => "where " + Expression!.Text,
        QueryStageKind.Select => "select " + Expression!.Text,
        QueryStageKind.GroupBy => "group by " + Expression!.Text,
        QueryStageKind.Sum => "sum " + Expression!.Text,
        QueryStageKind.Collect => "collect",
        _ => "count",
    };
}
