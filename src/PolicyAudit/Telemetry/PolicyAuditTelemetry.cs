using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PolicyAudit;

/// <summary>
/// The metrics and traces PolicyAudit emits, both named "PolicyAudit": counters of decisions (by outcome),
/// overrides, refusals (by reason) and dropped decisions, and activities around evaluations and overrides.
/// One instance per container; thread-safe.
/// </summary>
internal sealed class PolicyAuditTelemetry : IDisposable
{
    /// <summary>The name of the <see cref="Meter"/> and the <see cref="ActivitySource"/>.</summary>
    public const string Name = "PolicyAudit";

    // Tag values allocated once so a counter increment on the hot path allocates nothing.
    private static readonly KeyValuePair<string, object?>[] OutcomeTags =
    [
        new("outcome", WireNames.Of(DecisionOutcome.Allow)),
        new("outcome", WireNames.Of(DecisionOutcome.RequireApproval)),
        new("outcome", WireNames.Of(DecisionOutcome.Deny)),
    ];

    /// <summary>The activity source shared by every container: listeners subscribe by name, not by instance.</summary>
    public static readonly ActivitySource ActivitySource = new(Name, typeof(PolicyAuditTelemetry).Assembly.GetName().Version?.ToString());

    private readonly Meter _meter;
    private readonly Counter<long> _decisions;
    private readonly Counter<long> _overrides;
    private readonly Counter<long> _refusals;
    private readonly Counter<long> _dropped;

    public PolicyAuditTelemetry()
    {
        _meter = new Meter(Name, typeof(PolicyAuditTelemetry).Assembly.GetName().Version?.ToString());
        _decisions = _meter.CreateCounter<long>("policyaudit.decisions", "{decision}", "Decisions made by the policy engine, by outcome.");
        _overrides = _meter.CreateCounter<long>("policyaudit.overrides", "{override}", "Overrides accepted and recorded.");
        _refusals = _meter.CreateCounter<long>("policyaudit.override_refusals", "{refusal}", "Override attempts refused, by reason.");
        _dropped = _meter.CreateCounter<long>("policyaudit.decisions_dropped", "{decision}", "Decisions the full decision buffer could not keep (each drop is also recorded as evidence).");
    }

    public void DecisionMade(DecisionOutcome outcome) => _decisions.Add(1, OutcomeTags[(int)outcome]);

    public void OverrideRecorded(string policyId) => _overrides.Add(1, new KeyValuePair<string, object?>("policy", policyId));

    public void OverrideRefused(OverrideRefusalReason reason) =>
        _refusals.Add(1, new KeyValuePair<string, object?>("reason", WireNames.Of(reason)));

    public void DecisionsDropped(long count) => _dropped.Add(count);

    public void Dispose() => _meter.Dispose();
}
