namespace PolicyAudit.Rules;

/// <summary>One compiled query stage.</summary>
internal sealed class AggregateStage(
    QueryStageKind kind,
    string text,
    Func<Token, object?, bool>? predicate,
    Func<Token, object?, object?>? selector,
    Func<List<object?>, object>? reduce,
    Func<object?, List<object?>, object>? group)
{
    public QueryStageKind Kind { get; } = kind;

    public string Text { get; } = text;

    public Func<Token, object?, bool>? Predicate { get; } = predicate;

    public Func<Token, object?, object?>? Selector { get; } = selector;

    public Func<List<object?>, object>? Reduce { get; } = reduce;

    public Func<object?, List<object?>, object>? Group { get; } = group;
}
