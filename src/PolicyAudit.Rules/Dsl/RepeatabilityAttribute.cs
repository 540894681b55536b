namespace PolicyAudit.Rules;

/// <summary>Whether the rule fires again for a match whose facts were updated after it fired. Inherited by derived rule classes.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = true)]
public sealed class RepeatabilityAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="value">The value.</param>
    public RepeatabilityAttribute(RuleRepeatability value)
    {
        Value = value;
    }

    /// <summary>The value given to the attribute.</summary>
    public RuleRepeatability Value { get; }
}
