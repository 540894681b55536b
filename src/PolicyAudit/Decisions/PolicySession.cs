using NRules;
using NRules.Diagnostics;
using NRules.Extensibility;
using NRules.RuleModel;

namespace PolicyAudit;

/// <summary>
/// One NRules session of a policy set, reused request after request: insert the request's facts, fire, read the
/// outcomes the policies yielded, retract the facts. What stays in the session between requests is what holds
/// without any request fact (a <c>Not</c> with nothing to block it, with its yielded outcome), which is exactly what
/// the next request needs too. Not thread-safe: one request at a time, which <see cref="PolicySessionPool"/> ensures.
/// </summary>
internal sealed class PolicySession
{
    private readonly ISession _session;
    private readonly PolicySet _set;
    private LhsExpressionErrorEventArgs? _conditionFailure;

    public PolicySession(PolicySet set, IDependencyResolver dependencies)
    {
        _set = set;
        _session = set.Sessions.CreateSession();
        _session.DependencyResolver = dependencies;
        // NRules' exception for a failing condition does not say whose condition it was (an alpha node can be shared);
        // the failure event does.
        _session.Events.LhsExpressionFailedEvent += (_, e) => _conditionFailure = e;
    }

    /// <summary>Runs one request and adds the outcomes the policies yielded to <paramref name="fired"/>.</summary>
    /// <exception cref="PolicyEvaluationException">A policy's code threw; the session must then be dropped.</exception>
    public void Evaluate(object[] facts, List<PolicyFired> fired)
    {
        try
        {
            _session.InsertAll(facts);
            _session.Fire();
            fired.AddRange(_session.Query<PolicyFired>());
            _session.RetractAll(facts);
        }
        catch (RuleLhsExpressionEvaluationException ex)
        {
            throw ConditionFailed(ex);
        }
        catch (RuleRhsExpressionEvaluationException ex)
        {
            throw Failed([ex.RuleName], "outcome or a dependency", null, ex.InnerException ?? ex);
        }
        catch (AgendaExpressionEvaluationException ex)
        {
            throw Failed([ex.RuleName], "filter", null, ex.InnerException ?? ex);
        }
    }

    private PolicyEvaluationException ConditionFailed(RuleLhsExpressionEvaluationException ex)
    {
        var failure = _conditionFailure;
        var rules = failure?.Rules.Select(r => r.Name).ToArray() ?? [];
        var condition = failure?.Expression is { } expression ? ExpressionText.Of(expression) : null;
        return Failed(rules, "condition", condition, failure?.Exception ?? ex.InnerException ?? ex);
    }

    private PolicyEvaluationException Failed(IReadOnlyList<string> ruleNames, string what, string? expression, Exception cause)
    {
        var ids = ruleNames.Select(name => _set.PolicyIdOfRule(name) ?? name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var whose = ids.Length switch
        {
            0 => $"A policy's {what}",
            1 => $"The {what} of policy '{ids[0]}'",
            _ => $"A {what} shared by policies " + string.Join(", ", ids.Select(id => $"'{id}'")),
        };
        var where = expression is null ? string.Empty : $" ({expression})";
        return new PolicyEvaluationException(ids, $"{whose}{where} threw {cause.GetType().Name}: {cause.Message} No decision was recorded.", cause);
    }
}
