using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace PolicyAudit;

/// <summary>
/// Evaluates the compiled policy set: each request in an NRules session borrowed from the pool, the fired policies
/// combined (Deny over RequireApproval over Allow; nothing fired means Allow), and the decision queued for the
/// evidence store. Thread-safe.
/// </summary>
internal sealed class PolicyEngine : IPolicyEngine
{
    private readonly PolicySet _set;
    private readonly PolicySessionPool _sessions;
    private readonly DecisionBuffer _buffer;
    private readonly TimeProvider _time;
    private readonly PolicyAuditTelemetry _telemetry;
    private readonly ILogger _logger;
    private readonly FactsRecorder _facts;

    /// <summary>Creates the engine; the policies' dependencies resolve from <paramref name="services"/>, the host's root provider.</summary>
    /// <exception cref="PolicySetException">A policy depends on a service <paramref name="services"/> does not have.</exception>
    public PolicyEngine(PolicySet set, DecisionBuffer buffer, TimeProvider time, PolicyAuditTelemetry telemetry, ILogger logger, FactsRecorder? facts = null, IServiceProvider? services = null)
    {
        _facts = facts ?? FactsRecorder.Default;
        _set = set;
        _sessions = new PolicySessionPool(set, services);
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

        RejectRepeatedObjects(facts);

        using var activity = PolicyAuditTelemetry.ActivitySource.StartActivity("PolicyAudit.Evaluate");
        var fired = _sessions.Evaluate(facts);
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
            // The strongest outcome first, then by id and reason, so equal facts give equal decisions whatever the firing order.
            Array.Sort(policies, static (a, b) =>
                b.Outcome != a.Outcome ? b.Outcome.CompareTo(a.Outcome)
                : string.CompareOrdinal(a.PolicyId, b.PolicyId) is var byId and not 0 ? byId
                : string.CompareOrdinal(a.Reason, b.Reason));
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

    // Facts are told apart by reference (see PolicySet), so only the very same object twice is a mistake. Most
    // requests carry a handful of facts, where comparing pairs costs less than a set.
    private static void RejectRepeatedObjects(object[] facts)
    {
        HashSet<object>? seen = facts.Length > 16 ? new(facts.Length, ReferenceEqualityComparer.Instance) : null;
        for (var i = 0; i < facts.Length; i++)
        {
            if (seen is null ? IndexOf(facts, facts[i], i) < 0 : seen.Add(facts[i]))
            {
                continue;
            }

            throw new ArgumentException($"Fact {i} ({facts[i].GetType().Name}) is the same object as fact {IndexOf(facts, facts[i], i)}; pass each fact once.", nameof(facts));
        }
    }

    private static int IndexOf(object[] facts, object fact, int before)
    {
        for (var j = 0; j < before; j++)
        {
            if (ReferenceEquals(facts[j], fact))
            {
                return j;
            }
        }

        return -1;
    }
}
