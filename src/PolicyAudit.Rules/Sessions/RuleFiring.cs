namespace PolicyAudit.Rules;

/// <summary>One firing of a rule: which rule, in which order, and the facts it matched.</summary>
public sealed class RuleFiring
{
    private readonly Production _production;
    private readonly Token _token;
    private IReadOnlyList<FactMatch>? _facts;

    internal RuleFiring(Production production, Token token, int order)
    {
        _production = production;
        _token = token;
        Order = order;
    }

    /// <summary>The rule that fired.</summary>
    public IRuleDefinition Rule => _production.Rule.Definition;

    /// <summary>The position of this firing in the session, starting at 1.</summary>
    public int Order { get; }

    /// <summary>The facts and values the rule matched when it fired, in the order of its conditions.</summary>
    public IReadOnlyList<FactMatch> Facts => _facts ??= _production.FactsOf(_token);

    /// <inheritdoc />
    public override string ToString() => $"#{Order} {Rule.Name}: " + string.Join(", ", Facts);
}
