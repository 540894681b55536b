namespace PolicyAudit.Reliability.Tests;

/// <summary>A small evidence store with every kind of record, as a restaurant's evening would produce.</summary>
internal static class EvidenceSamples
{
    public static readonly DateTimeOffset Evening = new(2026, 3, 1, 18, 0, 0, TimeSpan.Zero);

    public static readonly (string Id, StaffRole OverridableBy)[] Policies =
    [
        ("corkage-fee", StaffRole.Manager),
        ("no-outside-cake", StaffRole.Supervisor),
        ("card-minimum", StaffRole.Staff),
    ];

    /// <summary>The catalog, then decisions with some overrides, refusals, outcomes and a drop count: about <paramref name="decisions"/> x 1.8 records.</summary>
    public static IReadOnlyList<EvidenceRecord> Create(int decisions)
    {
        var records = new List<EvidenceRecord>();
        foreach (var (id, authority) in Policies)
        {
            records.Add(new PolicyRecord { Id = PolicyRecord.RecordIdFor(id, null), At = Evening, PolicyId = id, Title = id.Replace('-', ' '), Owner = "owner-1", OverridableBy = authority, Rationale = "Why " + id + " exists." });
        }

        for (var i = 0; i < decisions; i++)
        {
            var at = Evening.AddMinutes(i);
            var (policy, authority) = Policies[i % Policies.Length];
            var outcome = i % 5 == 0 ? DecisionOutcome.Allow : i % 2 == 0 ? DecisionOutcome.Deny : DecisionOutcome.RequireApproval;
            var decisionId = $"decision-{i}";
            records.Add(new DecisionRecord { Id = decisionId, At = at, Outcome = outcome, Policies = [policy], Customer = $"guest-{i % 17}", Staff = $"waiter-{i % 4}", Location = "dining-room" });
            var snapshot = new DecisionSnapshot { DecidedAt = at, Outcome = outcome, Policies = [new PolicySnapshot(policy, outcome, "Because " + policy + ".", authority)], Customer = $"guest-{i % 17}", Location = "dining-room" };
            if (outcome != DecisionOutcome.Allow && i % 3 == 0)
            {
                records.Add(new OverrideRecord { Id = $"override-{i}", At = at.AddSeconds(20), DecisionId = decisionId, Staff = "waiter-1", Role = StaffRole.Staff, Justification = "Birthday table; they brought the cake from our own bakery.", ApprovedBy = "manager-2", ApproverRole = StaffRole.Manager, RequiredRole = authority, Decision = snapshot });
            }
            else if (outcome != DecisionOutcome.Allow && i % 3 == 1)
            {
                records.Add(new RefusedOverrideRecord { Id = $"refusal-{i}", At = at.AddSeconds(20), DecisionId = decisionId, Staff = "waiter-3", Role = StaffRole.Staff, Justification = "ok", Reason = OverrideRefusalReason.PlaceholderJustification, Message = "'ok' is a placeholder, not a justification.", Decision = snapshot });
            }

            if (i % 4 == 0)
            {
                records.Add(new OutcomeRecord { Id = $"outcome-{i}", At = at.AddMinutes(30), DecisionId = decisionId, Outcome = (OutcomeKind)(i % 4 == 0 ? i / 4 % 4 : 0), Note = "Table " + i });
            }
        }

        records.Add(new DroppedDecisionsRecord { Id = "dropped-1", At = Evening.AddHours(5), Count = 3, Since = Evening.AddHours(4) });
        return records;
    }

    /// <summary>Creates an SQLite store at <paramref name="path"/> holding <see cref="Create"/>'s records, closed again.</summary>
    public static async Task<ChainCheckpoint> CreateSqliteAsync(string path, int decisions)
    {
        await using var store = await SqliteEvidence.OpenAsync(path);
        var links = await store.AppendAsync(Create(decisions), AppendDurability.Durable);
        return links[^1];
    }
}
