using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using NRules.RuleModel;

namespace PolicyAudit;

/// <summary>
/// Prints a policy's NRules rule definition (<see cref="IRuleDefinition"/>) as deterministic text to hash into the
/// policy's version: priority, repeatability, dependencies, every condition, binding, aggregate and filter, and the
/// actions. The rule's name is left out, since it is the class's full name by default, and renaming or moving a
/// class does not change what the policy says. Not thread-safe: <see cref="Of"/> makes one printer per call.
/// </summary>
internal sealed partial class PolicyDefinitionText : RuleElementVisitor<int>
{
    private readonly StringBuilder _text = new();

    private PolicyDefinitionText()
    {
    }

    /// <summary>The definition's text.</summary>
    public static string Of(IRuleDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var printer = new PolicyDefinitionText();
        printer.Line(0, "priority " + definition.Priority.ToString(CultureInfo.InvariantCulture));
        printer.Line(0, "repeatability " + definition.Repeatability);
        printer.Visit(0, definition);
        return Renumbered(printer._text.ToString());
    }

    // NRules names the facts a rule does not name itself ($var1$) from a counter shared by every rule it ever built, so
    // the same policy loaded twice gets different names; number them within the definition instead.
    private static string Renumbered(string text)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        return GeneratedName().Replace(text, match =>
        {
            if (!names.TryGetValue(match.Value, out var name))
            {
                name = "$fact" + (names.Count + 1).ToString(CultureInfo.InvariantCulture) + "$";
                names.Add(match.Value, name);
            }

            return name;
        });
    }

    [GeneratedRegex(@"\$var[0-9]+\$", RegexOptions.CultureInvariant)]
    private static partial Regex GeneratedName();

    protected override DependencyGroupElement VisitDependencyGroup(int depth, DependencyGroupElement element)
    {
        Line(depth, "dependencies");
        return base.VisitDependencyGroup(depth + 1, element);
    }

    protected override DependencyElement VisitDependency(int depth, DependencyElement element)
    {
        Line(depth, "resolve " + TypeNames.Of(element.ServiceType) + " " + element.Declaration.Name);
        return element;
    }

    protected override PatternElement VisitPattern(int depth, PatternElement element)
    {
        Line(depth, "match " + TypeNames.Of(element.ValueType) + " " + element.Declaration.Name);
        return base.VisitPattern(depth + 1, element);
    }

    protected override RuleElement VisitBinding(int depth, BindingElement element)
    {
        Line(depth, "bind " + TypeNames.Of(element.ResultType) + " " + ExpressionText.Of(element.Expression));
        return element;
    }

    protected override RuleElement VisitAggregate(int depth, AggregateElement element)
    {
        var custom = element.CustomFactoryType is null ? string.Empty : " by " + TypeNames.Of(element.CustomFactoryType);
        Line(depth, "aggregate " + element.Name + " " + TypeNames.Of(element.ResultType) + custom);
        return base.VisitAggregate(depth + 1, element);
    }

    protected override NamedExpressionElement VisitNamedExpression(int depth, NamedExpressionElement element)
    {
        Line(depth, element.Name + " " + ExpressionText.Of(element.Expression));
        return element;
    }

    protected override RuleElement VisitNot(int depth, NotElement element)
    {
        Line(depth, "not");
        return base.VisitNot(depth + 1, element);
    }

    protected override RuleElement VisitExists(int depth, ExistsElement element)
    {
        Line(depth, "exists");
        return base.VisitExists(depth + 1, element);
    }

    protected override RuleElement VisitForAll(int depth, ForAllElement element)
    {
        Line(depth, "all");
        return base.VisitForAll(depth + 1, element);
    }

    protected override RuleElement VisitAnd(int depth, AndElement element)
    {
        Line(depth, "and");
        return base.VisitAnd(depth + 1, element);
    }

    protected override RuleElement VisitOr(int depth, OrElement element)
    {
        Line(depth, "or");
        return base.VisitOr(depth + 1, element);
    }

    protected override FilterGroupElement VisitFilterGroup(int depth, FilterGroupElement element)
    {
        Line(depth, "filters");
        return base.VisitFilterGroup(depth + 1, element);
    }

    protected override FilterElement VisitFilter(int depth, FilterElement element)
    {
        Line(depth, element.FilterType + " " + ExpressionText.Of(element.Expression));
        return element;
    }

    protected override ActionGroupElement VisitActionGroup(int depth, ActionGroupElement element)
    {
        Line(depth, "then");
        return base.VisitActionGroup(depth + 1, element);
    }

    protected override ActionElement VisitAction(int depth, ActionElement element)
    {
        Line(depth, "on " + element.ActionTrigger + " " + ExpressionText.Of(element.Expression));
        return element;
    }

    private void Line(int depth, string text) => _text.Append(' ', depth * 2).Append(text).Append('\n');
}
