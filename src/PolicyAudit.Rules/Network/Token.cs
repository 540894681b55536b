namespace PolicyAudit.Rules;

/// <summary>A partial match: one value per element of a rule branch so far, as a chain to its parent. The tokens a
/// node creates are the children of the token it received, so retracting a token retracts everything built on it.</summary>
/// <remarks>Tokens are the engine's most numerous objects, so fields are shared where uses never overlap: one field
/// holds the fact or the value, one the next node's state or (at the end of a branch) the activation, and one the
/// children, as a single token while there is one (the usual case) and a list beyond.</remarks>
internal sealed class Token(Token? parent, int depth, Fact? fact, object? value)
{
    private object? _item = (object?)fact ?? value;
    private object? _children;

    public Token? Parent { get; } = parent;

    /// <summary>The slot this token fills; -1 for a branch's root token.</summary>
    public int Depth { get; } = depth;

    /// <summary>The matched fact, for a pattern; null for other elements.</summary>
    public Fact? Fact => _item as Fact;

    /// <summary>The bound value, for <c>Let</c> and <c>Query</c> elements.</summary>
    public object? Value
    {
        get => _item is Fact ? null : _item;
        set => _item = value;
    }

    /// <summary>How many tokens the next node built on this one.</summary>
    public int ChildCount => _children switch
    {
        null => 0,
        Token => 1,
        _ => ((List<Token>)_children).Count,
    };

    /// <summary>The next node's per-token state (the matching facts of a <c>Not</c>, the sources of a query).</summary>
    public object? State { get; set; }

    /// <summary>The identity of a query result among its siblings (its group key).</summary>
    public object? Key { get; set; }

    /// <summary>The activation of a complete match; kept in <see cref="State"/>, which the terminal node, the only
    /// next node of such a token, does not otherwise use.</summary>
    public Activation? Activation
    {
        get => State as Activation;
        set => State = value;
    }

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

        return token.Own;
    }

    public object? Own => _item is Fact fact ? fact.Object : _item;

    /// <summary>The child at <paramref name="index"/>, in the order they were added.</summary>
    public Token ChildAt(int index) => _children as Token ?? ((List<Token>)_children!)[index];

    public void AddChild(Token child)
    {
        switch (_children)
        {
            case null:
                _children = child;
                break;
            case Token only:
                _children = new List<Token>(4) { only, child };
                break;
            default:
                ((List<Token>)_children).Add(child);
                break;
        }
    }

    public bool RemoveChild(Token child)
    {
        if (_children is Token only)
        {
            if (!ReferenceEquals(only, child))
            {
                return false;
            }

            _children = null;
            return true;
        }

        return _children is List<Token> list && list.Remove(child);
    }

    public void RemoveChildAt(int index)
    {
        if (_children is Token)
        {
            _children = null;
        }
        else
        {
            ((List<Token>)_children!).RemoveAt(index);
        }
    }

    public Token? ChildWithFact(Fact fact)
    {
        switch (_children)
        {
            case null:
                return null;
            case Token only:
                return ReferenceEquals(only._item, fact) ? only : null;
        }

        foreach (var child in (List<Token>)_children)
        {
            if (ReferenceEquals(child._item, fact))
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
