namespace PolicyAudit.Rules;

/// <summary>The rule's name, shown in events, explanations and errors; defaults to the rule class's full name. Inherited by derived rule classes.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = true)]
public sealed class NameAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="value">The value.</param>
    public NameAttribute(string value)
    {
        Value = value;
    }

    /// <summary>The value given to the attribute.</summary>
    public string Value { get; }
}
