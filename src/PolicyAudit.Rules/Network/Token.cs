namespace PolicyAudit.Rules;

/// <summary>A partial match: one value per element of a rule branch so far, as a chain to its parent. The tokens a
/// node creates are the children of the token it received, so retracting a token retracts everything built on it.</summary>
internal sealed class Token(Token? parent, int depth, Fact? fact, object? value)
{
    public Token? Parent { get; } = parent;

    /// <summary>The slot this token fills; -1 for a branch's root token.</summary>
    public int Depth { get; } = depth;

    /// <summary>The matched fact, for a pattern; null for other elements.</summary>
    public Fact? Fact { get; } = fact;

    /// <summary>The bound value, for <c>Let</c> and <c>Query</c> elements.</summary>
    public object? Value { get; set; } = value;

    /// <summary>The tokens (or, at the end of a branch, the activation) the next node built on this one.</summary>
    public List<Token>? Children { get; private set; }

    /// <summary>The next node's per-token state (the matching facts of a <c>Not</c>, the sources of a query).</summary>
    public object? State { get; set; }

    /// <summary>The identity of a query result among its siblings (its group key).</summary>
    public object? Key { get; set; }

    public Activation? Activation { get; set; }

    /// <summary>The fact or value in a slot at or above this token. Called by compiled conditions.</summary>
    /// <param name="slot">The slot.</param>
    /// <returns>The value.</returns>
    public object? Get(int slot)
    {
        var token = this;
        while (token.Depth != slot)
        {
            token = token.Parent!;
        }

        return token.Fact is null ? token.Value : token.Fact.Object;
    }

    public object? Own => Fact is null ? Value : Fact.Object;

    public void AddChild(Token child) => (Children ??= new List<Token>(1)).Add(child);

    public bool RemoveChild(Token child) => Children is not null && Children.Remove(child);

    public Token? ChildWithFact(Fact fact)
    {
        if (Children is null)
        {
            return null;
        }

        foreach (var child in Children)
        {
            if (ReferenceEquals(child.Fact, fact))
            {
                return child;
            }
        }

        return null;
    }

    /// <summary>The facts and values in this token's chain, root first (for error messages).</summary>
    public List<object?> Values()
    {
        var values = new List<object?>();
        for (var token = this; token is not null && token.Depth >= 0; token = token.Parent)
        {
            values.Add(token.Own);
        }

        values.Reverse();
        return values;
    }
}
