namespace PolicyAudit.Rules;

/// <summary>The per-session state of a node with a right input: its left tokens and, for an indexed join, the
/// hash indexes of both sides.</summary>
internal sealed class BetaMemory
{
    public HashSet<Token> Left { get; } = [];

    public Dictionary<object, List<Token>>? LeftIndex { get; set; }

    public Dictionary<Token, object>? LeftKeys { get; set; }

    public Dictionary<object, List<Fact>>? RightIndex { get; set; }

    public Dictionary<Fact, object>? RightKeys { get; set; }
}
