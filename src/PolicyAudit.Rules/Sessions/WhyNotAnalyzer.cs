namespace PolicyAudit.Rules;

/// <summary>Explains a rule's status in a session by walking each branch's chain of nodes through the session's
/// tokens: the first node that produced nothing from the partial matches it received is the element that is not
/// met; its conditions are then re-tested one by one (compiled on demand, off the hot path) to find the first one
/// that no fact meets.</summary>
internal sealed class WhyNotAnalyzer(Session session)
{
    public WhyNotExplanation Explain(CompiledRule rule)
    {
        var definition = rule.Definition;
        var firings = session.Firings.Count(f => ReferenceEquals(f.Rule, definition));
        var pending = 0;
        var live = 0;
        WhyNotExplanation? best = null;
        var bestDepth = -1;
        foreach (var production in rule.Productions)
        {
            var (matches, blocked, depth) = Walk(production);
            if (blocked is null)
            {
                foreach (var token in matches)
                {
                    live++;
                    if (token.Activation is { IsQueued: true })
                    {
                        pending++;
                    }
                }
            }
            else if (depth > bestDepth)
            {
                best = blocked;
                bestDepth = depth;
            }
        }

        if (firings > 0)
        {
            return new WhyNotExplanation(definition, RuleStatus.Fired, $"fired {firings} time(s); see WhyFired for the facts.", null, null, []);
        }

        if (pending > 0)
        {
            return new WhyNotExplanation(definition, RuleStatus.Pending, $"matched {pending} time(s) and waits on the agenda; call Fire().", null, null, []);
        }

        if (live > 0)
        {
            return new WhyNotExplanation(definition, RuleStatus.Pending, "matched, but firing stopped before it (Fire limit, Halt or cancellation).", null, null, []);
        }

        return best ?? new WhyNotExplanation(definition, RuleStatus.NotMatched, "no match.", null, null, []);
    }

    private (List<Token> Matches, WhyNotExplanation? Blocked, int Depth) Walk(Production production)
    {
        var frontier = new List<Token> { session.RootOf(production) };
        for (var i = 0; i < production.Nodes.Length; i++)
        {
            var next = new List<Token>();
            foreach (var token in frontier)
            {
                for (var c = 0; c < token.ChildCount; c++)
                {
                    next.Add(token.ChildAt(c));
                }
            }

            if (next.Count == 0)
            {
                return ([], Blocked(production, production.Nodes[i], frontier), i);
            }

            frontier = next;
        }

        return (frontier, null, production.Nodes.Length);
    }

    private WhyNotExplanation Blocked(Production production, BetaNode node, List<Token> partials)
    {
        var definition = production.Rule.Definition;
        var element = node.Element!;
        var elementText = DefinitionTextWriter.Describe(element);
        WhyNotExplanation Result(string reason, string? condition, IReadOnlyList<object>? facts = null) =>
            new(definition, RuleStatus.NotMatched, reason, elementText, condition, facts ?? []);

        switch (element)
        {
            case PatternElement pattern:
                return FirstUnmet(production, pattern.FactType, pattern.Conditions, partials, out var failed) switch
                {
                    null => Result($"no {TypeNames.Of(pattern.FactType)} fact is in working memory.", null),
                    _ when failed is null => Result($"no {TypeNames.Of(pattern.FactType)} fact matches.", null),
                    _ => Result($"no {TypeNames.Of(pattern.FactType)} fact meets `{failed.Text}`.", failed.Text),
                };
            case ExistentialElement { Kind: ExistentialKind.Exists } exists:
                return FirstUnmet(production, exists.FactType, exists.Conditions, partials, out var unmet) switch
                {
                    null => Result($"no {TypeNames.Of(exists.FactType)} fact is in working memory.", null),
                    _ => Result($"no {TypeNames.Of(exists.FactType)} fact meets `{unmet?.Text}`.", unmet?.Text),
                };
            case ExistentialElement existential:
                var blockers = partials.SelectMany(ExistentialNode.MatchingFacts).Select(f => f.Object).Distinct().ToArray();
                var conditionText = existential.Kind == ExistentialKind.All
                    ? existential.BaseCondition!.Text
                    : string.Join(" && ", existential.Conditions.Select(c => c.Text));
                var reason = existential.Kind == ExistentialKind.All
                    ? $"{blockers.Length} {TypeNames.Of(existential.FactType)} fact(s) meet `{conditionText}` but not every required condition: {FactText.Describe(blockers)}."
                    : $"{blockers.Length} {TypeNames.Of(existential.FactType)} fact(s) exist that must not: {FactText.Describe(blockers)}.";
                return Result(reason, conditionText.Length == 0 ? null : conditionText, blockers);
            case QueryElement query:
                return ExplainQuery(production, (AggregateNode)node, query, partials, Result);
            case HavingElement having:
                var compiler = new ExpressionCompiler(production.SlotOf);
                foreach (var condition in having.Conditions)
                {
                    var test = compiler.TokenPredicate([condition]);
                    if (!partials.Any(t => Safe(() => test(t))))
                    {
                        return Result($"`{condition.Text}` is false.", condition.Text);
                    }
                }

                return Result("its conditions are false.", null);
            default:
                return Result("it could not be matched.", null);
        }
    }

    private static WhyNotExplanation ExplainQuery(
        Production production,
        AggregateNode node,
        QueryElement query,
        List<Token> partials,
        Func<string, string?, IReadOnlyList<object>?, WhyNotExplanation> result)
    {
        var token = partials[0];
        var sourceCount = ((List<Fact>?)token.State)?.Count ?? 0;
        for (var stage = 0; stage <= query.Stages.Count; stage++)
        {
            List<(object? Key, object? Value)> results;
            try
            {
                results = node.Results(token, stage);
            }
            catch (RuleEngineException ex)
            {
                return result($"the query bound to '{query.Result.Name}' failed: {ex.Message}", null, null);
            }

            if (results.Count > 0)
            {
                continue;
            }

            if (stage == 0)
            {
                var conditions = string.Join(" && ", query.SourceConditions.Select(c => c.Text));
                return result(
                    $"the query bound to '{query.Result.Name}' found no {TypeNames.Of(query.SourceType)} fact" + (conditions.Length > 0 ? $" meeting `{conditions}`." : "."),
                    conditions.Length > 0 ? conditions : null,
                    null);
            }

            var text = query.Stages[stage - 1].Text;
            return result($"the query bound to '{query.Result.Name}' has no result after `{text}` ({sourceCount} source fact(s)).", text, null);
        }

        return result($"the query bound to '{query.Result.Name}' has no result.", null, null);
    }

    /// <summary>Finds the first condition such that no partial match and fact meet it together with the conditions
    /// before it. Returns null when there is no fact of the type at all; sets <paramref name="failed"/> to null when
    /// every condition is met on its own prefix but not all together.</summary>
    private object? FirstUnmet(Production production, Type factType, IReadOnlyList<BoundExpression> conditions, List<Token> partials, out BoundExpression? failed)
    {
        failed = null;
        var candidates = session.Facts.Where(f => factType.IsInstanceOfType(f.Object)).ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        var compiler = new ExpressionCompiler(production.SlotOf);
        for (var k = 0; k < conditions.Count; k++)
        {
            var test = compiler.Join(conditions.Take(k + 1).ToArray(), factType)!;
            if (!partials.Any(t => candidates.Any(f => Safe(() => test(t, f.Object)))))
            {
                failed = conditions[k];
                return candidates;
            }
        }

        return candidates;
    }

    private static bool Safe(Func<bool> test)
    {
        try
        {
            return test();
        }
        catch (Exception)
        {
            return false;
        }
    }
}
