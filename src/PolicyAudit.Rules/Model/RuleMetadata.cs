namespace PolicyAudit.Rules;

/// <summary>A rule class's metadata, read from its attributes without running <see cref="Rule.Define"/>.</summary>
internal sealed class RuleMetadata : IRuleMetadata
{
    public RuleMetadata(string name, string description, IReadOnlyList<string> tags, int priority, RuleRepeatability repeatability, Type? ruleType)
    {
        Name = name;
        Description = description;
        Tags = tags;
        Priority = priority;
        Repeatability = repeatability;
        RuleType = ruleType;
    }

    public string Name { get; }

    public string Description { get; }

    public IReadOnlyList<string> Tags { get; }

    public int Priority { get; }

    public RuleRepeatability Repeatability { get; }

    public Type? RuleType { get; }

    public bool IsTagged(string tag)
    {
        foreach (var t in Tags)
        {
            if (string.Equals(t, tag, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    public static RuleMetadata FromType(Type ruleType)
    {
        var name = ruleType.GetCustomAttributes(typeof(NameAttribute), true).OfType<NameAttribute>().FirstOrDefault()?.Value
            ?? ruleType.FullName ?? ruleType.Name;
        var description = ruleType.GetCustomAttributes(typeof(DescriptionAttribute), true).OfType<DescriptionAttribute>().FirstOrDefault()?.Value
            ?? string.Empty;
        var tags = ruleType.GetCustomAttributes(typeof(TagAttribute), true).OfType<TagAttribute>().Select(t => t.Value).Distinct().ToArray();
        var priority = ruleType.GetCustomAttributes(typeof(PriorityAttribute), true).OfType<PriorityAttribute>().FirstOrDefault()?.Value ?? 0;
        var repeatability = ruleType.GetCustomAttributes(typeof(RepeatabilityAttribute), true).OfType<RepeatabilityAttribute>().FirstOrDefault()?.Value
            ?? RuleRepeatability.Repeatable;
        return new RuleMetadata(name, description, tags, priority, repeatability, ruleType);
    }
}
