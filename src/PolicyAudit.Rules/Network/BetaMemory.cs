namespace PolicyAudit.Rules;

/// <summary>The per-session state of a node with a right input: its left tokens and, for an indexed join, the
/// hash indexes of both sides.</summary>
internal sealed class BetaMemory : NodeSet<Token>
{
    /// <summary>The left tokens; the memory is itself the set, to save an allocation per node and session.</summary>
    public NodeSet<Token> Left => this;

    public Dictionary<object, NodeSet<Token>>? LeftIndex { get; set; }

    public Dictionary<Token, object>? LeftKeys { get; set; }

    public Dictionary<object, NodeSet<Fact>>? RightIndex { get; set; }

    public Dictionary<Fact, object>? RightKeys { get; set; }
}
