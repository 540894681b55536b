namespace PolicyAudit.Rules;

/// <summary>A human-readable description of the rule. Inherited by derived rule classes.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = true)]
public sealed class DescriptionAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="value">The value.</param>
    public DescriptionAttribute(string value)
    {
        Value = value;
    }

    /// <summary>The value given to the attribute.</summary>
    public string Value { get; }
}
