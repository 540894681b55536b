namespace PolicyAudit.Rules;

/// <summary>One binding of a match: its name, its declared type and the fact or value bound to it.</summary>
public sealed class FactMatch
{
    /// <summary>Creates a binding.</summary>
    /// <param name="name">The binding's name (the alias; <c>$n</c> for a pattern written without one).</param>
    /// <param name="declaredType">The type the rule declared.</param>
    /// <param name="value">The matched fact or bound value.</param>
    public FactMatch(string name, Type declaredType, object? value)
    {
        Name = name;
        DeclaredType = declaredType;
        Value = value;
    }

    /// <summary>The binding's name (the alias; <c>$n</c> for a pattern written without one).</summary>
    public string Name { get; }

    /// <summary>The type the rule declared for the binding.</summary>
    public Type DeclaredType { get; }

    /// <summary>The matched fact or bound value.</summary>
    public object? Value { get; }

    /// <inheritdoc />
    public override string ToString() => Name + " = " + FactText.Describe(Value);
}
