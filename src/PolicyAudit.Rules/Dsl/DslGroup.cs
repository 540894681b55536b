namespace PolicyAudit.Rules;

/// <summary>A recorded <c>And</c>/<c>Or</c> group.</summary>
internal sealed class DslGroup(bool isOr) : DslElement
{
    public bool IsOr { get; } = isOr;

    public List<DslElement> Children { get; } = [];
}
