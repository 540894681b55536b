namespace PolicyAudit.Rules;

/// <summary>Rewrites a left-hand side with <c>Or</c> groups into its alternatives, each a flat list of elements
/// (disjunctive normal form); each alternative becomes one branch of the rule in the network.</summary>
internal static class ConjunctionExpander
{
    private const int MaxBranches = 256;

    public static List<List<RuleElement>> Expand(RuleDefinition rule)
    {
        var branches = Expand(rule.LeftHandSide, rule.Name);
        return branches;
    }

    private static List<List<RuleElement>> Expand(RuleElement element, string ruleName)
    {
        if (element is not GroupElement group)
        {
            return [[element]];
        }

        if (group.IsOr)
        {
            var alternatives = new List<List<RuleElement>>();
            foreach (var child in group.Children)
            {
                alternatives.AddRange(Expand(child, ruleName));
            }

            return alternatives;
        }

        var result = new List<List<RuleElement>> { new() };
        foreach (var child in group.Children)
        {
            var expanded = Expand(child, ruleName);
            var next = new List<List<RuleElement>>(result.Count * expanded.Count);
            foreach (var prefix in result)
            {
                foreach (var suffix in expanded)
                {
                    next.Add([.. prefix, .. suffix]);
                }
            }

            if (next.Count > MaxBranches)
            {
                throw new RuleCompilationException(ruleName, $"its Or groups expand to more than {MaxBranches} alternatives; split the rule.");
            }

            result = next;
        }

        return result;
    }
}
