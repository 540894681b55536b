namespace PolicyAudit.Rules;

/// <summary>Passes a left token on while no fact (<c>Not</c>, also used for <c>All</c>) or at least one fact
/// (<c>Exists</c>) of its alpha memory meets the condition. Each left token keeps the facts that meet it, so the
/// outcome flips both ways as facts come, change and go.</summary>
internal sealed class ExistentialNode(
    int depth,
    int memoryIndex,
    AlphaMemoryNode right,
    bool passesWhenNone,
    Func<Token, object, bool>? condition,
    string conditionText) : RightInputNode(depth, memoryIndex, right)
{
    public bool PassesWhenNone { get; } = passesWhenNone;

    public override void LeftAssert(INetworkContext context, Token parent)
    {
        var memory = Memory(context);
        memory.Left.Add(parent);
        parent.State = Matching(context, parent);
        if (Passes(parent))
        {
            AssertChild(context, parent, null, null);
        }
    }

    public override void LeftUpdate(INetworkContext context, Token parent)
    {
        Memory(context);
        var had = parent.ChildCount > 0;
        parent.State = Matching(context, parent);
        var passes = Passes(parent);
        if (had && passes)
        {
            Next!.LeftUpdate(context, parent.ChildAt(0));
        }
        else
        {
            Settle(context, parent, had, passes);
        }
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
            if (!Matches(token, fact))
            {
                continue;
            }

            var before = Passes(token);
            var matching = (List<Fact>?)token.State;
            if (matching is null)
            {
                token.State = matching = [];
            }

            matching.Add(fact);
            Settle(context, token, before, Passes(token));
        }
    }

    public override void RightUpdate(INetworkContext context, Fact fact)
    {
        foreach (var token in Memory(context).Left)
        {
            var matching = (List<Fact>?)token.State;
            var was = matching is not null && matching.Contains(fact);
            var now = Matches(token, fact);
            if (was == now)
            {
                continue;
            }

            var before = Passes(token);
            if (now)
            {
                if (matching is null)
                {
                    token.State = matching = [];
                }

                matching.Add(fact);
            }
            else
            {
                matching!.Remove(fact);
            }

            Settle(context, token, before, Passes(token));
        }
    }

    public override void RightRetract(INetworkContext context, Fact fact)
    {
        foreach (var token in Memory(context).Left)
        {
            if (token.State is List<Fact> matching && matching.Contains(fact))
            {
                var before = Passes(token);
                matching.Remove(fact);
                Settle(context, token, before, Passes(token));
            }
        }
    }

    /// <summary>The facts that block (<c>Not</c>) or satisfy (<c>Exists</c>) a token, for explanations.</summary>
    public static IReadOnlyList<Fact> MatchingFacts(Token token) => (IReadOnlyList<Fact>?)token.State ?? [];

    private bool Passes(Token token)
    {
        var count = token.State is List<Fact> matching ? matching.Count : 0;
        return PassesWhenNone ? count == 0 : count > 0;
    }

    private void Settle(INetworkContext context, Token token, bool before, bool after)
    {
        if (before && !after)
        {
            RetractChildren(context, token);
        }
        else if (!before && after)
        {
            AssertChild(context, token, null, null);
        }
    }

    private List<Fact>? Matching(INetworkContext context, Token token)
    {
        List<Fact>? matching = null;
        var facts = RightFacts(context);
        if (facts is null)
        {
            return null;
        }

        foreach (var fact in facts)
        {
            if (Matches(token, fact))
            {
                (matching ??= []).Add(fact);
            }
        }

        return matching;
    }

    private bool Matches(Token token, Fact fact)
    {
        if (condition is null)
        {
            return true;
        }

        try
        {
            return condition(token, fact.Object);
        }
        catch (Exception ex)
        {
            throw ConditionFailed(conditionText, token, fact.Object, ex);
        }
    }
}
