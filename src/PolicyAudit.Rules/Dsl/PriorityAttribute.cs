namespace PolicyAudit.Rules;

/// <summary>The rule's priority: among ready rules, higher priority fires first. Defaults to 0. Inherited by derived rule classes.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = true)]
public sealed class PriorityAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="value">The value.</param>
    public PriorityAttribute(int value)
    {
        Value = value;
    }

    /// <summary>The value given to the attribute.</summary>
    public int Value { get; }
}
