namespace PolicyAudit.Rules;

/// <summary>One node of a rule's left-hand side in the rule model.</summary>
internal abstract class RuleElement
{
    /// <summary>The declaration this element binds, if any.</summary>
    public virtual Declaration? Declares => null;

    /// <summary>Every expression of the element whose binding references must be in scope.</summary>
    public abstract IEnumerable<BoundExpression> Expressions { get; }
}
