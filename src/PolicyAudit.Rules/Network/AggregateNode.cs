namespace PolicyAudit.Rules;

/// <summary>Runs a query for each left token over the facts of its alpha memory that meet the source conditions.
/// Each left token keeps its source facts; when a source fact comes, changes or goes, that token's results are
/// recomputed and matched to the previous ones by key: kept results update their match, others are added or
/// retracted.</summary>
internal sealed class AggregateNode(
    int depth,
    int memoryIndex,
    AlphaMemoryNode right,
    Func<Token, object, bool>? sourceCondition,
    string sourceText,
    AggregatePipeline pipeline) : RightInputNode(depth, memoryIndex, right)
{
    public AggregatePipeline Pipeline { get; } = pipeline;

    public override void LeftAssert(INetworkContext context, Token parent)
    {
        Memory(context).Left.Add(parent);
        parent.State = Sources(context, parent);
        Refresh(context, parent);
    }

    public override void LeftUpdate(INetworkContext context, Token parent)
    {
        Memory(context);
        parent.State = Sources(context, parent);
        Refresh(context, parent);
    }

    public override void LeftRetract(INetworkContext context, Token parent)
    {
        Memory(context).Left.Remove(parent);
        parent.State = null;
        RetractChildren(context, parent);
    }

    public override void RightAssert(INetworkContext context, Fact fact)
    {
        foreach (var token in Memory(context).Left)
        {
            if (Matches(token, fact))
            {
                SourcesOf(token).Add(fact);
                Refresh(context, token);
            }
        }
    }

    public override void RightUpdate(INetworkContext context, Fact fact)
    {
        foreach (var token in Memory(context).Left)
        {
            var sources = SourcesOf(token);
            var index = sources.IndexOf(fact);
            var matches = Matches(token, fact);
            if (index < 0 && !matches)
            {
                continue;
            }

            if (index >= 0 && !matches)
            {
                sources.RemoveAt(index);
            }
            else if (index < 0)
            {
                sources.Add(fact);
            }

            Refresh(context, token);
        }
    }

    public override void RightRetract(INetworkContext context, Fact fact)
    {
        foreach (var token in Memory(context).Left)
        {
            if (token.State is List<Fact> sources && sources.Remove(fact))
            {
                Refresh(context, token);
            }
        }
    }

    public static List<Fact> SourcesOf(Token token) => (List<Fact>?)token.State ?? (List<Fact>)(token.State = new List<Fact>());

    public List<(object? Key, object? Value)> Results(Token token, int stageCount) =>
        Pipeline.Run(token, (List<Fact>?)token.State, stageCount, StageFailed);

    private Exception StageFailed(AggregateStage stage, Token token, Exception error) => ConditionFailed(stage.Text, token, null, error);

    private void Refresh(INetworkContext context, Token parent)
    {
        var results = Results(parent, Pipeline.Stages.Count);
        if (parent.ChildCount > 0)
        {
            for (var i = parent.ChildCount - 1; i >= 0; i--)
            {
                var child = parent.ChildAt(i);
                var index = results.FindIndex(r => Equals(r.Key, child.Key));
                if (index < 0)
                {
                    RetractChild(context, parent, child);
                    continue;
                }

                child.Value = results[index].Value;
                results.RemoveAt(index);
                Next!.LeftUpdate(context, child);
            }
        }

        foreach (var (key, value) in results)
        {
            var child = new Token(parent, Depth, null, value) { Key = key };
            parent.AddChild(child);
            Next!.LeftAssert(context, child);
        }
    }

    private List<Fact>? Sources(INetworkContext context, Token token)
    {
        var facts = RightFacts(context);
        var sources = new List<Fact>();
        if (facts is not null)
        {
            foreach (var fact in facts)
            {
                if (Matches(token, fact))
                {
                    sources.Add(fact);
                }
            }
        }

        return sources;
    }

    private bool Matches(Token token, Fact fact)
    {
        if (sourceCondition is null)
        {
            return true;
        }

        try
        {
            return sourceCondition(token, fact.Object);
        }
        catch (Exception ex)
        {
            throw ConditionFailed(sourceText, token, fact.Object, ex);
        }
    }
}
