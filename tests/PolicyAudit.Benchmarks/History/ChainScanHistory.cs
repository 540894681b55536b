namespace PolicyAudit.Benchmarks.History;

/// <summary>
/// The customer history as <see cref="CustomerHistory.LoadAsync"/> read it before issue 14: every record of the
/// window, filtered in memory. Kept verbatim (bar the name) as the History family's baseline.
/// </summary>
internal static class ChainScanHistory
{
    public static async Task<CustomerHistory> LoadAsync(IEvidenceStore store, string customer, EvidenceWindow window)
    {
        var byPolicy = new Dictionary<string, int>(StringComparer.Ordinal);
        var decisions = new HashSet<string>(StringComparer.Ordinal);
        var complaintsFor = new List<string>();
        int overrides = 0, refused = 0;
        await foreach (var stored in store.ReadAsync(window))
        {
            switch (stored.Record)
            {
                case DecisionRecord d when d.Customer == customer:
                    decisions.Add(d.Id);
                    break;
                case OverrideRecord o when o.Decision.Customer == customer:
                    overrides++;
                    decisions.Add(o.DecisionId);
                    foreach (var policy in o.Decision.Policies)
                    {
                        byPolicy[policy.PolicyId] = byPolicy.TryGetValue(policy.PolicyId, out var n) ? n + 1 : 1;
                    }

                    break;
                case RefusedOverrideRecord r when r.Decision.Customer == customer:
                    refused++;
                    decisions.Add(r.DecisionId);
                    break;
                case OutcomeRecord oc when oc.Outcome == OutcomeKind.Complaint:
                    complaintsFor.Add(oc.DecisionId);
                    break;
            }
        }

        var complaints = complaintsFor.Count(decisions.Contains);
        return new CustomerHistory(customer, window, byPolicy, overrides, refused, complaints);
    }
}
