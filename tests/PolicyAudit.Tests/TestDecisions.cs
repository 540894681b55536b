namespace PolicyAudit.Tests;

/// <summary>Hand-made decisions, for testing the recorders without running policies.</summary>
internal static class TestDecisions
{
    public static readonly DateTimeOffset Evening = new(2026, 11, 21, 19, 30, 0, TimeSpan.Zero);

    public static Decision Make(DecisionOutcome outcome, StaffRole overridableBy = StaffRole.Supervisor, string policyId = "corkage-fee", string? customer = "guest-1") =>
        Make(outcome, customer, (policyId, outcome, overridableBy));

    public static Decision Make(DecisionOutcome outcome, string? customer, params (string Id, DecisionOutcome Outcome, StaffRole OverridableBy)[] policies) =>
        new(
            TimeSortableId.New(Evening),
            outcome,
            policies.Select(p => new DeterminingPolicy(p.Id, p.Id + " title", p.Outcome, p.Id + " fired", p.Id + " rationale", p.OverridableBy)).ToArray(),
            "set-version-1",
            Evening,
            new string('a', 64),
            new ServiceContext(customer, "harbour-street", "w-7"));

    public static async Task<List<StoredEvidence>> ReadAllAsync(this IEvidenceStore store)
    {
        var records = new List<StoredEvidence>();
        await foreach (var stored in store.ReadAsync(EvidenceWindow.All))
        {
            records.Add(stored);
        }

        return records;
    }
}
