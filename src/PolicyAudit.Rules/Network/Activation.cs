namespace PolicyAudit.Rules;

/// <summary>A complete match of a rule branch: the rule is ready to fire for these facts.</summary>
internal sealed class Activation(Production production, Token token)
{
    public Production Production { get; } = production;

    public CompiledRule Rule => Production.Rule;

    public Token Token { get; } = token;

    /// <summary>Orders activations of equal priority, first come first served.</summary>
    public long Sequence { get; set; }

    /// <summary>Bumped on each (re)queueing so that stale agenda entries are skipped.</summary>
    public int Version { get; set; }

    public bool IsQueued { get; set; }

    public bool HasFired { get; set; }

    public bool IsDeleted { get; set; }

    /// <summary>The facts each <c>Yield</c> action of the rule linked to this match, by yield index.</summary>
    public Fact?[]? Linked { get; set; }

    public IReadOnlyList<FactMatch> Facts() => Production.FactsOf(Token);
}
