namespace PolicyAudit.Rules;

/// <summary>The quantifier of an <see cref="ExistentialElement"/>.</summary>
internal enum ExistentialKind
{
    Not,
    Exists,
    All,
}
