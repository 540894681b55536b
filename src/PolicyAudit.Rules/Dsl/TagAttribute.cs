namespace PolicyAudit.Rules;

/// <summary>A tag that classifies the rule; repeat the attribute for several tags. Tags let a repository load a subset of rules. Inherited by derived rule classes.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = true)]
public sealed class TagAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="value">The value.</param>
    public TagAttribute(string value)
    {
        Value = value;
    }

    /// <summary>The value given to the attribute.</summary>
    public string Value { get; }
}
