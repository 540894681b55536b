namespace PolicyAudit.Rules;

/// <summary>Joins left tokens with the facts of an alpha memory under the pattern's conditions that refer to earlier
/// bindings. When one of them is an equality between the fact and earlier bindings (<c>o.CustomerId == c.Id</c>),
/// both sides are hash-indexed on it, so only tokens and facts with equal keys are compared.</summary>
internal sealed class JoinNode(
    int depth,
    int memoryIndex,
    AlphaMemoryNode right,
    Func<Token, object, bool>? condition,
    string conditionText,
    Func<Token, object?>? leftKey,
    Func<object, object?>? rightKey) : RightInputNode(depth, memoryIndex, right)
{
    private static readonly object NullKey = new();

    public bool IsIndexed => leftKey is not null;

    protected override BetaMemory CreateMemory(INetworkContext context)
    {
        var memory = new BetaMemory();
        if (IsIndexed)
        {
            memory.LeftIndex = [];
            memory.LeftKeys = [];
            memory.RightIndex = [];
            memory.RightKeys = [];
            var facts = RightFacts(context);
            if (facts is not null)
            {
                foreach (var fact in facts)
                {
                    IndexRight(memory, fact, RightKeyOf(fact));
                }
            }
        }

        return memory;
    }

    public override void LeftAssert(INetworkContext context, Token parent)
    {
        var memory = Memory(context);
        memory.Left.Add(parent);
        NodeSet<Fact>? candidates;
        if (IsIndexed)
        {
            var key = LeftKeyOf(parent);
            IndexLeft(memory, parent, key);
            candidates = memory.RightIndex!.GetValueOrDefault(key);
        }
        else
        {
            candidates = RightFacts(context);
        }

        if (candidates is null)
        {
            return;
        }

        foreach (var fact in candidates)
        {
            if (Matches(parent, fact))
            {
                AssertChild(context, parent, fact, null);
            }
        }
    }

    public override void LeftUpdate(INetworkContext context, Token parent)
    {
        var memory = Memory(context);
        NodeSet<Fact>? candidates;
        if (IsIndexed)
        {
            var key = LeftKeyOf(parent);
            UnindexLeft(memory, parent);
            IndexLeft(memory, parent, key);
            candidates = memory.RightIndex!.GetValueOrDefault(key);
        }
        else
        {
            candidates = RightFacts(context);
        }

        if (parent.Children is { Count: > 0 } children)
        {
            for (var i = children.Count - 1; i >= 0; i--)
            {
                var child = children[i];
                if (Matches(parent, child.Fact!))
                {
                    Next!.LeftUpdate(context, child);
                }
                else
                {
                    RetractChild(context, parent, child);
                }
            }
        }

        if (candidates is null)
        {
            return;
        }

        foreach (var fact in candidates)
        {
            if (parent.ChildWithFact(fact) is null && Matches(parent, fact))
            {
                AssertChild(context, parent, fact, null);
            }
        }
    }

    public override void LeftRetract(INetworkContext context, Token parent)
    {
        var memory = Memory(context);
        memory.Left.Remove(parent);
        if (IsIndexed)
        {
            UnindexLeft(memory, parent);
        }

        RetractChildren(context, parent);
    }

    public override void RightAssert(INetworkContext context, Fact fact)
    {
        var memory = Memory(context);
        NodeSet<Token>? tokens;
        if (IsIndexed)
        {
            var key = RightKeyOf(fact);
            IndexRight(memory, fact, key);
            tokens = memory.LeftIndex!.GetValueOrDefault(key);
        }
        else
        {
            tokens = memory.Left;
        }

        if (tokens is null)
        {
            return;
        }

        // Propagation below this node never changes this node's own memory, so iterating it directly is safe.
        foreach (var token in tokens)
        {
            if (token.ChildWithFact(fact) is null && Matches(token, fact))
            {
                AssertChild(context, token, fact, null);
            }
        }
    }

    public override void RightUpdate(INetworkContext context, Fact fact)
    {
        var memory = Memory(context);
        if (!IsIndexed)
        {
            UpdatePairs(context, memory.Left, fact);
            return;
        }

        var newKey = RightKeyOf(fact);
        var oldKey = UnindexRight(memory, fact);
        IndexRight(memory, fact, newKey);
        if (memory.LeftIndex!.TryGetValue(newKey, out var byNew))
        {
            UpdatePairs(context, byNew, fact);
        }

        if (oldKey is not null && !Equals(oldKey, newKey) && memory.LeftIndex.TryGetValue(oldKey, out var byOld))
        {
            UpdatePairs(context, byOld, fact);
        }
    }

    private void UpdatePairs(INetworkContext context, NodeSet<Token> tokens, Fact fact)
    {
        foreach (var token in tokens)
        {
            var child = token.ChildWithFact(fact);
            var matches = Matches(token, fact);
            if (child is not null && matches)
            {
                Next!.LeftUpdate(context, child);
            }
            else if (child is not null)
            {
                RetractChild(context, token, child);
            }
            else if (matches)
            {
                AssertChild(context, token, fact, null);
            }
        }
    }

    public override void RightRetract(INetworkContext context, Fact fact)
    {
        var memory = Memory(context);
        NodeSet<Token>? tokens;
        if (IsIndexed)
        {
            var key = UnindexRight(memory, fact);
            tokens = key is null ? null : memory.LeftIndex!.GetValueOrDefault(key);
        }
        else
        {
            tokens = memory.Left;
        }

        if (tokens is null)
        {
            return;
        }

        // Propagation below this node never changes this node's own memory, so iterating it directly is safe.
        foreach (var token in tokens)
        {
            var child = token.ChildWithFact(fact);
            if (child is not null)
            {
                RetractChild(context, token, child);
            }
        }
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

    private object LeftKeyOf(Token token)
    {
        try
        {
            return leftKey!(token) ?? NullKey;
        }
        catch (Exception ex)
        {
            throw ConditionFailed(conditionText, token, null, ex);
        }
    }

    private object RightKeyOf(Fact fact)
    {
        try
        {
            return rightKey!(fact.Object) ?? NullKey;
        }
        catch (Exception ex)
        {
            throw new RuleConditionEvaluationException([Production.Rule.Definition.Name], conditionText, [fact.Object], ex);
        }
    }

    private static void IndexLeft(BetaMemory memory, Token token, object key)
    {
        memory.LeftKeys![token] = key;
        if (!memory.LeftIndex!.TryGetValue(key, out var list))
        {
            memory.LeftIndex.Add(key, list = new NodeSet<Token>());
        }

        list.Add(token);
    }

    private static void UnindexLeft(BetaMemory memory, Token token)
    {
        if (memory.LeftKeys!.Remove(token, out var key) && memory.LeftIndex!.TryGetValue(key, out var list))
        {
            list.Remove(token);
            if (list.Count == 0)
            {
                memory.LeftIndex.Remove(key);
            }
        }
    }

    private static void IndexRight(BetaMemory memory, Fact fact, object key)
    {
        if (memory.RightKeys!.ContainsKey(fact))
        {
            return;
        }

        memory.RightKeys[fact] = key;
        if (!memory.RightIndex!.TryGetValue(key, out var list))
        {
            memory.RightIndex.Add(key, list = new NodeSet<Fact>());
        }

        list.Add(fact);
    }

    private static object? UnindexRight(BetaMemory memory, Fact fact)
    {
        if (!memory.RightKeys!.Remove(fact, out var key))
        {
            return null;
        }

        if (memory.RightIndex!.TryGetValue(key, out var list))
        {
            list.Remove(fact);
            if (list.Count == 0)
            {
                memory.RightIndex.Remove(key);
            }
        }

        return key;
    }
}
