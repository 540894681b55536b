namespace PolicyAudit.Rules;

/// <summary>An <c>And</c> or <c>Or</c> group of elements.</summary>
internal sealed class GroupElement : RuleElement
{
    public GroupElement(bool isOr, IReadOnlyList<RuleElement> children)
    {
        IsOr = isOr;
        Children = children;
    }

    public bool IsOr { get; }

    public IReadOnlyList<RuleElement> Children { get; }

    public override IEnumerable<BoundExpression> Expressions => [];
}
