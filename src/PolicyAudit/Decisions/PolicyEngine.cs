using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace PolicyAudit;

/// <summary>
/// Evaluates the compiled policy set: one short-lived rules session per request, the fired policies combined
/// (Deny over RequireApproval over Allow; nothing fired means Allow), and the decision queued for the evidence store.
/// Thread-safe.
/// </summary>
internal sealed class PolicyEngine : IPolicyEngine
{
    private readonly PolicySet _set;
    private readonly DecisionBuffer _buffer;
    private readonly TimeProvider _time;
    private readonly PolicyAuditTelemetry _telemetry;
    private readonly ILogger _logger;
    private readonly FactsRecorder _facts;

    public PolicyEngine(PolicySet set, DecisionBuffer buffer, TimeProvider time, PolicyAuditTelemetry telemetry, ILogger logger, FactsRecorder? facts = null)
    {
        _facts = facts ?? FactsRecorder.Default;
        _set = set;
        _buffer = buffer;
        _time = time;
        _telemetry = telemetry;
        _logger = logger;
    }

    public string PolicySetVersion => _set.Version;

    public IReadOnlyList<PolicyDescriptor> Policies => _set.Policies;

    public Decision Evaluate(params object[] facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ServiceContext? context = null;
        for (var i = 0; i < facts.Length; i++)
        {
            switch (facts[i])
            {
                case null:
                    throw new ArgumentNullException(nameof(facts), $"Fact {i} of {facts.Length} is null; pass only the facts you have.");
                case ServiceContext service when context is not null:
                    throw new ArgumentException($"Fact {i} is a second ServiceContext ({service}); a request has one customer, location and server.", nameof(facts));
                case ServiceContext service:
                    context = service;
                    break;
            }
        }

        using var activity = PolicyAuditTelemetry.ActivitySource.StartActivity("PolicyAudit.Evaluate");
        var fired = Fire(facts);
        var at = _time.GetUtcNow();
        var outcome = DecisionOutcome.Allow;
        var policies = new DeterminingPolicy[fired.Count];
        for (var i = 0; i < fired.Count; i++)
        {
            var f = fired[i];
            var descriptor = _set[f.PolicyId];
            policies[i] = new DeterminingPolicy(f.PolicyId, descriptor.Title, f.Outcome, f.Reason, descriptor.Rationale, descriptor.OverridableBy);
            if (f.Outcome > outcome)
            {
                outcome = f.Outcome;
            }
        }

        if (policies.Length > 1)
        {
            // The strongest outcome first, then by id, so equal facts give equal decisions whatever the firing order.
            Array.Sort(policies, static (a, b) => b.Outcome != a.Outcome ? b.Outcome.CompareTo(a.Outcome) : string.CompareOrdinal(a.PolicyId, b.PolicyId));
        }

        var captured = _facts.Capture(facts);
        var decision = new Decision(
            TimeSortableId.New(at),
            outcome,
            policies,
            _set.Version,
            at,
            captured.Digest,
            context ?? ServiceContext.None);
        _buffer.Enqueue(DecisionRecord.From(decision, captured.Stored));
        _telemetry.DecisionMade(outcome);
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            Log.DecisionMade(_logger, decision.Id, outcome, string.Join(", ", decision.DeterminingPolicies.Select(p => p.PolicyId)));
        }

        if (activity is not null)
        {
            activity.SetTag("policyaudit.decision_id", decision.Id);
            activity.SetTag("policyaudit.outcome", WireNames.Of(outcome));
        }

        return decision;
    }

    private List<PolicyFired> Fire(object[] facts)
    {
        var session = _set.Sessions.CreateSession();
        for (var i = 0; i < facts.Length; i++)
        {
            try
            {
                session.Insert(facts[i]);
            }
            catch (ArgumentException ex)
            {
                throw new ArgumentException($"Fact {i} ({facts[i].GetType().Name}) equals an earlier fact; pass each fact once.", nameof(facts), ex);
            }
        }

        session.Fire();
        var fired = new List<PolicyFired>(4);
        foreach (var f in session.Query<PolicyFired>())
        {
            fired.Add(f);
        }

        return fired;
    }
}
