namespace PolicyAudit.Rules;

/// <summary>Whether a rule fires again for a match it already fired for, once that match's facts are updated.</summary>
public enum RuleRepeatability
{
    /// <summary>The rule fires again each time a fact of an already-fired match is updated (the default).</summary>
    Repeatable = 0,

    /// <summary>The rule fires at most once per match, even when the match's facts are updated; useful when the
    /// rule's own action updates the facts it matched.</summary>
    NonRepeatable = 1,
}
