using System.Globalization;
using PolicyAudit;

namespace Restaurant;

/// <summary>The evening, as the evidence store tells it: read back from the store, not from the simulation's memory.</summary>
internal sealed class EveningSummary
{
    private readonly Dictionary<DecisionOutcome, int> _decisions = [];
    private readonly Dictionary<string, (int Decided, int Overridden)> _byPolicy = new(StringComparer.Ordinal);
    private readonly Dictionary<OverrideRefusalReason, int> _refusals = [];
    private readonly Dictionary<OutcomeKind, int> _outcomes = [];
    private long _dropped;
    private int _policyVersions;
    private int _overrides;
    private int _escalated;

    /// <summary>The stored facts of the first decision with a masked property, as the evidence keeps them.</summary>
    public string? FirstBookedSeatingFacts { get; private set; }

    public static async Task<EveningSummary> ReadAsync(IEvidenceStore store)
    {
        var summary = new EveningSummary();
        await foreach (var stored in store.ReadAsync(EvidenceWindow.All))
        {
            summary.Add(stored.Record);
        }

        return summary;
    }

    public void Print(TextWriter output, IPolicyEngine engine, ChainVerification verification, string path)
    {
        var titles = engine.Policies.ToDictionary(p => p.Id, p => p.Title, StringComparer.Ordinal);
        output.WriteLine();
        output.WriteLine($"Evidence in {path} (policy set {engine.PolicySetVersion}, {_policyVersions} policy versions in the catalog)");
        output.WriteLine();
        output.WriteLine($"Decisions: {_decisions.Values.Sum()}  (allow {Count(_decisions, DecisionOutcome.Allow)}, require approval {Count(_decisions, DecisionOutcome.RequireApproval)}, deny {Count(_decisions, DecisionOutcome.Deny)}; dropped {_dropped})");
        output.WriteLine($"Overrides: {_overrides}  (escalated to someone with the authority: {_escalated})");
        output.WriteLine($"Refused override attempts: {_refusals.Values.Sum()}  ({string.Join(", ", _refusals.OrderBy(r => r.Key).Select(r => $"{Describe(r.Key)} {r.Value}"))})");
        output.WriteLine($"  of which without the authority (unauthorized): {Count(_refusals, OverrideRefusalReason.InsufficientAuthority)}");
        output.WriteLine($"Outcomes: {string.Join(", ", Enum.GetValues<OutcomeKind>().Select(k => $"{k.ToString().ToLowerInvariant()} {Count(_outcomes, k)}"))}");
        output.WriteLine();
        output.WriteLine($"{"Policy (denied or held for approval)",-36} {"times",5} {"overridden",11} {"rate",6}");
        foreach (var (id, tally) in _byPolicy.OrderByDescending(p => Rate(p.Value)).ThenBy(p => p.Key, StringComparer.Ordinal))
        {
            var rate = Rate(tally).ToString("P0", CultureInfo.InvariantCulture);
            output.WriteLine($"{Truncate(titles.GetValueOrDefault(id, id), 36),-36} {tally.Decided,5} {tally.Overridden,11} {rate,6}");
        }

        output.WriteLine();
        output.WriteLine(verification.IsValid
            ? $"Evidence chain: valid ({verification.RecordsChecked} records, head {verification.Head})"
            : $"Evidence chain: INVALID: {verification}");
    }

    private void Add(EvidenceRecord record)
    {
        switch (record)
        {
            case PolicyRecord:
                _policyVersions++;
                break;
            case DecisionRecord d:
                _decisions[d.Outcome] = Count(_decisions, d.Outcome) + 1;
                foreach (var id in d.Policies.Where(p => d.OutcomeOf(p) != DecisionOutcome.Allow))
                {
                    var t = _byPolicy.GetValueOrDefault(id);
                    _byPolicy[id] = (t.Decided + 1, t.Overridden);
                }

                if (FirstBookedSeatingFacts is null && d.Facts?.Items.Any(f => f.Masked.Count > 0) == true)
                {
                    FirstBookedSeatingFacts = d.Facts.Json;
                }

                break;
            case OverrideRecord o:
                _overrides++;
                _escalated += o.IsEscalated ? 1 : 0;
                foreach (var determining in o.Decision.Policies)
                {
                    var tally = _byPolicy.GetValueOrDefault(determining.PolicyId);
                    _byPolicy[determining.PolicyId] = (tally.Decided, tally.Overridden + 1);
                }
                break;
            case RefusedOverrideRecord r:
                _refusals[r.Reason] = Count(_refusals, r.Reason) + 1;
                break;
            case OutcomeRecord oc:
                _outcomes[oc.Outcome] = Count(_outcomes, oc.Outcome) + 1;
                break;
            case DroppedDecisionsRecord dd:
                _dropped += dd.Count;
                break;
        }
    }

    private static int Count<TKey>(Dictionary<TKey, int> counts, TKey key)
        where TKey : notnull => counts.GetValueOrDefault(key);

    private static double Rate((int Decided, int Overridden) tally) =>
        tally.Decided == 0 ? 0 : (double)tally.Overridden / tally.Decided;

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    private static string Describe(OverrideRefusalReason reason) => reason switch
    {
        OverrideRefusalReason.DecisionAllowed => "nothing to override",
        OverrideRefusalReason.MissingJustification => "no justification",
        OverrideRefusalReason.PlaceholderJustification => "placeholder justification",
        OverrideRefusalReason.InsufficientAuthority => "insufficient authority",
        OverrideRefusalReason.NotOverridable => "not overridable",
        _ => reason.ToString(),
    };
}
