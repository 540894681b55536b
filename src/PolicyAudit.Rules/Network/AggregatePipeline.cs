namespace PolicyAudit.Rules;

/// <summary>The compiled stages of a query. Each stage's lambda was compiled once; running the pipeline only calls
/// delegates. Results carry a key (the group key, or one shared key for a collection, count or sum) so that a
/// changed result updates the match built on it instead of replacing it.</summary>
internal sealed class AggregatePipeline(AggregateStage[] stages)
{
    private static readonly object SingleResultKey = new();

    public IReadOnlyList<AggregateStage> Stages { get; } = stages;

    public List<(object? Key, object? Value)> Run(Token token, List<Fact>? sources, int stageCount, Func<AggregateStage, Token, Exception, Exception> error)
    {
        var items = new List<(object? Key, object? Value)>(sources?.Count ?? 0);
        if (sources is not null)
        {
            foreach (var fact in sources)
            {
                items.Add((fact.Object, fact.Object));
            }
        }

        for (var s = 0; s < stageCount; s++)
        {
            var stage = stages[s];
            try
            {
                items = Apply(stage, token, items);
            }
            catch (Exception ex) when (ex is not RuleEngineException)
            {
                throw error(stage, token, ex);
            }
        }

        return items;
    }

    private static List<(object? Key, object? Value)> Apply(AggregateStage stage, Token token, List<(object? Key, object? Value)> items)
    {
        switch (stage.Kind)
        {
            case QueryStageKind.Where:
                items.RemoveAll(item => !stage.Predicate!(token, item.Value));
                return items;
            case QueryStageKind.Select:
                for (var i = 0; i < items.Count; i++)
                {
                    items[i] = (items[i].Key, stage.Selector!(token, items[i].Value));
                }

                return items;
            case QueryStageKind.Count:
                return [(SingleResultKey, items.Count)];
            case QueryStageKind.Collect:
                return [(SingleResultKey, stage.Reduce!(Values(items)))];
            case QueryStageKind.Sum:
                var numbers = new List<object?>(items.Count);
                foreach (var item in items)
                {
                    numbers.Add(stage.Selector!(token, item.Value));
                }

                return [(SingleResultKey, stage.Reduce!(numbers))];
            case QueryStageKind.GroupBy:
                var groups = new Dictionary<object, List<object?>>();
                var order = new List<(object? Key, List<object?> Items)>();
                foreach (var item in items)
                {
                    var key = stage.Selector!(token, item.Value);
                    var slot = key ?? NullGroupKey.Instance;
                    if (!groups.TryGetValue(slot, out var members))
                    {
                        groups.Add(slot, members = []);
                        order.Add((key, members));
                    }

                    members.Add(item.Value);
                }

                var result = new List<(object? Key, object? Value)>(order.Count);
                foreach (var (key, members) in order)
                {
                    result.Add((key ?? NullGroupKey.Instance, stage.Group!(key, members)));
                }

                return result;
            default:
                throw new InvalidOperationException("Unknown query stage " + stage.Kind);
        }
    }

    private static List<object?> Values(List<(object? Key, object? Value)> items)
    {
        var values = new List<object?>(items.Count);
        foreach (var item in items)
        {
            values.Add(item.Value);
        }

        return values;
    }

    private sealed class NullGroupKey
    {
        public static readonly NullGroupKey Instance = new();
    }
}
