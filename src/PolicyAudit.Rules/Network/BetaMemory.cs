namespace PolicyAudit.Rules;

/// <summary>The per-session state of a node with a right input: its left tokens and, for an indexed join, the
/// keyed sets of both sides.</summary>
internal sealed class BetaMemory : NodeSet<Token>
{
    /// <summary>The left tokens; the memory is itself the set, to save an allocation per node and session.</summary>
    public NodeSet<Token> Left => this;

    /// <summary>For an indexed join, the left tokens by join key.</summary>
    public KeyedSet<Token>? LeftByKey { get; set; }

    /// <summary>For an indexed join, the right facts by join key.</summary>
    public KeyedSet<Fact>? RightByKey { get; set; }
}
