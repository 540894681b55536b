using System.Text;

namespace PolicyAudit.Rules;

/// <summary>Renders facts for error messages, bounded so a huge fact cannot flood a log.</summary>
internal static class FactText
{
    private const int MaxFactLength = 200;

    public static string Message(string kind, string text, IReadOnlyList<string> ruleNames, IReadOnlyList<object?> facts, Exception error)
    {
        var builder = new StringBuilder();
        builder.Append(kind).Append(" `").Append(text).Append("` of rule ");
        builder.Append(string.Join(", ", ruleNames.Select(n => "'" + n + "'")));
        builder.Append(" threw ").Append(error.GetType().Name).Append(": ").Append(error.Message);
        builder.Append(" (facts: ").Append(Describe(facts)).Append(')');
        return builder.ToString();
    }

    public static string Describe(IReadOnlyList<object?> facts)
    {
        if (facts.Count == 0)
        {
            return "none";
        }

        var builder = new StringBuilder();
        for (var i = 0; i < facts.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            builder.Append(Describe(facts[i]));
        }

        return builder.ToString();
    }

    public static string Describe(object? fact)
    {
        if (fact is null)
        {
            return "null";
        }

        string text;
        try
        {
            text = fact.ToString() ?? fact.GetType().Name;
        }
        catch (Exception)
        {
            text = fact.GetType().Name;
        }

        return text.Length > MaxFactLength ? text[..MaxFactLength] + "…" : text;
    }
}
