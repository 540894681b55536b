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

    /// <summary>A branch's first join has one left token for the whole session, the branch's root, so it keeps no
    /// memory of its own: its facts are those of its alpha memory.</summary>
    private bool JoinsRootOnly => MemoryIndex < 0;

    protected override BetaMemory CreateMemory(INetworkContext context)
    {
        var memory = new BetaMemory();
        if (IsIndexed)
        {
            memory.LeftByKey = new KeyedSet<Token>();
            memory.RightByKey = new KeyedSet<Fact>();

            // The alpha memory may have filled before this node's first use in the session.
            var facts = RightFacts(context);
            if (facts is not null)
            {
                foreach (var fact in facts)
                {
                    memory.RightByKey.Add(fact, RightKeyOf(fact));
                }
            }
        }

        return memory;
    }

    public override void LeftAssert(INetworkContext context, Token parent)
    {
        var memory = Memory(context);
        if (IsIndexed)
        {
            // An indexed join finds its left tokens by key only, so they are kept in the keyed set alone.
            var key = LeftKeyOf(parent);
            memory.LeftByKey!.Add(parent, key);
            foreach (var fact in memory.RightByKey!.WithKey(key))
            {
                if (Matches(parent, fact))
                {
                    AssertChild(context, parent, fact, null);
                }
            }

            return;
        }

        memory.Left.Add(parent);
        var candidates = RightFacts(context);
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
        object? key = null;
        if (IsIndexed)
        {
            key = LeftKeyOf(parent);
            memory.LeftByKey!.Remove(parent);
            memory.LeftByKey.Add(parent, key);
        }

        if (parent.ChildCount > 0)
        {
            for (var i = parent.ChildCount - 1; i >= 0; i--)
            {
                var child = parent.ChildAt(i);
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

        if (key is not null)
        {
            foreach (var fact in memory.RightByKey!.WithKey(key))
            {
                if (parent.ChildWithFact(fact) is null && Matches(parent, fact))
                {
                    AssertChild(context, parent, fact, null);
                }
            }

            return;
        }

        var candidates = RightFacts(context);
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
        if (memory.LeftByKey is { } byKey)
        {
            byKey.Remove(parent);
        }
        else
        {
            memory.Left.Remove(parent);
        }

        RetractChildren(context, parent);
    }

    public override void RightAssert(INetworkContext context, Fact fact)
    {
        if (JoinsRootOnly)
        {
            AssertPair(context, context.RootOf(Production), fact);
            return;
        }

        var memory = Memory(context);

        // Propagation below this node never changes this node's own memory, so iterating it directly is safe.
        if (IsIndexed)
        {
            var key = RightKeyOf(fact);
            memory.RightByKey!.Add(fact, key);
            foreach (var token in memory.LeftByKey!.WithKey(key))
            {
                AssertPair(context, token, fact);
            }

            return;
        }

        foreach (var token in memory.Left)
        {
            AssertPair(context, token, fact);
        }
    }

    private void AssertPair(INetworkContext context, Token token, Fact fact)
    {
        if (token.ChildWithFact(fact) is null && Matches(token, fact))
        {
            AssertChild(context, token, fact, null);
        }
    }

    public override void RightUpdate(INetworkContext context, Fact fact)
    {
        if (JoinsRootOnly)
        {
            UpdatePair(context, context.RootOf(Production), fact);
            return;
        }

        var memory = Memory(context);
        if (!IsIndexed)
        {
            UpdatePairs(context, memory.Left, fact);
            return;
        }

        var newKey = RightKeyOf(fact);
        var oldKey = memory.RightByKey!.Remove(fact);
        memory.RightByKey.Add(fact, newKey);
        foreach (var token in memory.LeftByKey!.WithKey(newKey))
        {
            UpdatePair(context, token, fact);
        }

        if (oldKey is not null && !Equals(oldKey, newKey))
        {
            foreach (var token in memory.LeftByKey.WithKey(oldKey))
            {
                UpdatePair(context, token, fact);
            }
        }
    }

    private void UpdatePairs(INetworkContext context, NodeSet<Token> tokens, Fact fact)
    {
        foreach (var token in tokens)
        {
            UpdatePair(context, token, fact);
        }
    }

    private void UpdatePair(INetworkContext context, Token token, Fact fact)
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

    public override void RightRetract(INetworkContext context, Fact fact)
    {
        if (JoinsRootOnly)
        {
            RetractPair(context, context.RootOf(Production), fact);
            return;
        }

        var memory = Memory(context);

        // Propagation below this node never changes this node's own memory, so iterating it directly is safe.
        if (IsIndexed)
        {
            var key = memory.RightByKey!.Remove(fact);
            if (key is not null)
            {
                foreach (var token in memory.LeftByKey!.WithKey(key))
                {
                    RetractPair(context, token, fact);
                }
            }

            return;
        }

        foreach (var token in memory.Left)
        {
            RetractPair(context, token, fact);
        }
    }

    private void RetractPair(INetworkContext context, Token token, Fact fact)
    {
        var child = token.ChildWithFact(fact);
        if (child is not null)
        {
            RetractChild(context, token, child);
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
}
