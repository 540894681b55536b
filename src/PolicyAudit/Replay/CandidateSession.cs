using NRules;
using NRules.Diagnostics;

namespace PolicyAudit;

/// <summary>
/// One NRules session of a candidate, reused decision after decision: insert the rebound facts, fire, read what each
/// policy said, retract. A condition or reason that throws is handled, not rethrown, so the other policies still
/// decide and the one that threw is reported; nothing is recorded. Not thread-safe: one replay owns it.
/// </summary>
internal sealed class CandidateSession
{
    private readonly ISession _session;
    private readonly PolicySet _set;
    private readonly HashSet<string> _threw = new(StringComparer.Ordinal);

    public CandidateSession(PolicySet set)
    {
        _set = set;
        _session = set.Sessions.CreateSession();
        _session.Events.LhsExpressionFailedEvent += (_, e) =>
        {
            foreach (var rule in e.Rules)
            {
                Threw(rule.Name);
            }

            e.IsHandled = true;
        };
        _session.Events.RhsExpressionFailedEvent += (_, e) =>
        {
            Threw(e.Match.Rule.Name);
            e.IsHandled = true;
        };
        _session.Events.AgendaExpressionFailedEvent += (_, e) =>
        {
            Threw(e.Match.Rule.Name);
            e.IsHandled = true;
        };
    }

    /// <summary>The policies whose code threw in the last <see cref="Evaluate"/>.</summary>
    public IReadOnlySet<string> ThrewIn => _threw;

    /// <summary>Evaluates <paramref name="facts"/>; <paramref name="outcomes"/> gets each fired policy's strongest outcome.</summary>
    public void Evaluate(List<object> facts, Dictionary<string, DecisionOutcome> outcomes)
    {
        _threw.Clear();
        outcomes.Clear();
        _session.InsertAll(facts);
        _session.Fire();
        foreach (var fired in _session.Query<PolicyFired>())
        {
            if (!outcomes.TryGetValue(fired.PolicyId, out var said) || fired.Outcome > said)
            {
                outcomes[fired.PolicyId] = fired.Outcome;
            }
        }

        _session.RetractAll(facts);
    }

    private void Threw(string ruleName) => _threw.Add(_set.PolicyIdOfRule(ruleName) ?? ruleName);
}
