namespace PolicyAudit.Rules;

/// <summary>A rule class's metadata, available to load filters before the rule is defined.</summary>
public interface IRuleMetadata
{
    /// <summary>The rule's name.</summary>
    string Name { get; }

    /// <summary>The rule's description, or an empty string.</summary>
    string Description { get; }

    /// <summary>The rule's tags.</summary>
    IReadOnlyList<string> Tags { get; }

    /// <summary>The rule's priority.</summary>
    int Priority { get; }

    /// <summary>The rule class, or null.</summary>
    Type? RuleType { get; }

    /// <summary>Whether the rule carries a tag (ordinal comparison).</summary>
    /// <param name="tag">The tag.</param>
    /// <returns>True when tagged.</returns>
    bool IsTagged(string tag);
}
