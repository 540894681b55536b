using System.Globalization;
using System.Text;

namespace PolicyAudit.Rules;

/// <summary>Writes <see cref="IRuleDefinition.DefinitionText"/>: one line per element, indented by group.</summary>
internal static class DefinitionTextWriter
{
    public static string Write(RuleDefinition rule)
    {
        var text = new StringBuilder();
        text.Append("rule ").Append(rule.Name).Append('\n');
        text.Append("priority ").Append(rule.Priority.ToString(CultureInfo.InvariantCulture)).Append('\n');
        text.Append("repeatability ").Append(rule.Repeatability.ToString()).Append('\n');
        text.Append("when\n");
        foreach (var element in rule.LeftHandSide.Children)
        {
            WriteElement(text, element, 1);
        }

        text.Append("then\n");
        foreach (var action in rule.Actions)
        {
            text.Append("  ").Append(action.Text).Append('\n');
        }

        return text.ToString();
    }

    public static string Describe(RuleElement element) => element switch
    {
        PatternElement p => "match " + TypeNames.Of(p.FactType) + (p.Declaration.IsAnonymous ? string.Empty : " " + p.Declaration.Name)
            + Conditions(p.Conditions),
        ExistentialElement e => e.Kind.ToString().ToLowerInvariant() + " " + TypeNames.Of(e.FactType)
            + (e.BaseCondition is null ? string.Empty : " " + e.BaseCondition.Text) + Conditions(e.Conditions),
        LetElement l => "let " + l.Declaration.Name + " = " + l.Expression.Text,
        HavingElement h => "having" + Conditions(h.Conditions),
        QueryElement q => "query " + q.Result.Name + " = from " + TypeNames.Of(q.SourceType) + Conditions(q.SourceConditions)
            + string.Concat(q.Stages.Select(s => " | " + s.Text)),
        GroupElement g => g.IsOr ? "or" : "and",
        _ => element.GetType().Name,
    };

    private static string Conditions(IReadOnlyList<BoundExpression> conditions) =>
        string.Concat(conditions.Select(c => " | " + c.Text));

    private static void WriteElement(StringBuilder text, RuleElement element, int depth)
    {
        text.Append(' ', depth * 2).Append(Describe(element)).Append('\n');
        if (element is GroupElement group)
        {
            foreach (var child in group.Children)
            {
                WriteElement(text, child, depth + 1);
            }
        }
    }
}
