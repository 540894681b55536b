namespace PolicyAudit.Rules;

/// <summary>The read-only model of one rule: its metadata and a text rendering of its conditions and actions.
/// Instances are immutable and safe to share between threads.</summary>
public interface IRuleDefinition
{
    /// <summary>The rule's name: the <see cref="NameAttribute"/> value, or the rule class's full name.</summary>
    string Name { get; }

    /// <summary>The rule's description from <see cref="DescriptionAttribute"/>, or an empty string.</summary>
    string Description { get; }

    /// <summary>The rule's tags from <see cref="TagAttribute"/>, in declaration order.</summary>
    IReadOnlyList<string> Tags { get; }

    /// <summary>The rule's priority; among ready rules, higher priority fires first. Defaults to 0.</summary>
    int Priority { get; }

    /// <summary>Whether the rule fires again for the same match after its facts are updated.</summary>
    RuleRepeatability Repeatability { get; }

    /// <summary>The CLR type of the rule class, or null for a rule that was not defined by a class.</summary>
    Type? RuleType { get; }

    /// <summary>A deterministic, process-independent text of the rule's name, priority, repeatability, conditions and
    /// actions, rendered from the expression trees. Constants and captured values of simple types appear in it, so
    /// changing a threshold changes the text; description and tags do not. Suitable for hashing to version a rule set.</summary>
    string DefinitionText { get; }
}
