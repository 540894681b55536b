namespace PolicyAudit.Rules;

/// <summary>A <c>Query</c>: facts of a source type, passed through a pipeline whose results are bound one by one.</summary>
internal sealed class QueryElement : RuleElement
{
    public QueryElement(Declaration result, Type sourceType, IReadOnlyList<BoundExpression> sourceConditions, IReadOnlyList<QueryStage> stages)
    {
        Result = result;
        SourceType = sourceType;
        SourceConditions = sourceConditions;
        Stages = stages;
    }

    public Declaration Result { get; }

    public Type SourceType { get; }

    public IReadOnlyList<BoundExpression> SourceConditions { get; }

    public IReadOnlyList<QueryStage> Stages { get; }

    public override Declaration? Declares => Result;

    public override IEnumerable<BoundExpression> Expressions =>
        SourceConditions.Concat(Stages.Where(s => s.Expression is not null).Select(s => s.Expression!));
}
