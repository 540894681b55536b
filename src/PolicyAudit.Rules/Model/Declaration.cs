using System.Linq.Expressions;

namespace PolicyAudit.Rules;

/// <summary>A named binding in a rule: the alias of a pattern, a <c>Let</c> or a <c>Query</c> result.</summary>
internal sealed class Declaration
{
    public Declaration(string name, Type type, bool isAnonymous)
    {
        Name = name;
        Type = type;
        IsAnonymous = isAnonymous;
        Parameter = Expression.Parameter(type, name);
    }

    public string Name { get; }

    public Type Type { get; }

    /// <summary>True for a pattern written without an alias; it can still be listed among matched facts.</summary>
    public bool IsAnonymous { get; }

    /// <summary>The parameter that stands for this binding in every rewritten expression of the rule.</summary>
    public ParameterExpression Parameter { get; }

    public override string ToString() => Name;
}
