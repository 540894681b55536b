using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace PolicyAudit.Benchmarks.Report;

/// <summary>
/// A SQLite evidence store of N events (three years of a busy restaurant group: policies, decisions, overrides,
/// refused overrides and outcomes), generated once through the store's own batched appends and kept in the temp
/// folder, because BenchmarkDotNet runs every case in a process of its own.
/// </summary>
internal static class EvidenceFile
{
    private const int Version = 1;
    private const int Batch = 5_000;

    private static readonly string[] PolicyIds =
    [
        "a-la-carte-changes-welcome", "allergies-always-accommodated", "cake-cutting-fee", "charge-new-price", "comped-dessert-needs-manager",
        "corkage-fee", "fourth-exception-needs-manager", "kitchen-closes-2230", "large-bills-need-supervisor-check", "large-comps-need-owner",
        "large-parties-need-reservation", "large-party-gratuity", "late-large-orders-need-chef", "no-alcohol-under-21", "no-outside-bottles-from-our-list",
        "no-seating-after-2200", "no-substitutions-tasting-menu", "reservation-held-15-minutes", "split-bill-limit", "steep-price-rises-need-manager",
        "wine-comps-need-sommelier",
    ];

    private static readonly string[] Justifications =
    [
        "Regulars celebrating an anniversary; the owner asked us to look after them.",
        "The kitchen was still plating the last table, so one more order cost nothing.",
        "The guest waited forty minutes for the main because of our mistake.",
        "Birthday party of long-standing customers; the cake was tiny.",
        "The bottle was a gift from the guest's late father; corkage felt wrong.",
    ];

    /// <summary>Where the evidence file of that many events is kept, whether or not it has been generated yet.</summary>
    public static string PathFor(int events) => Path.Combine(Path.GetTempPath(), $"policyaudit-bench-evidence-v{Version}-{events}.db");

    public static async Task<string> EnsureAsync(int events)
    {
        var path = PathFor(events);
        if (File.Exists(path))
        {
            return path;
        }

        var building = path + ".building";
        foreach (var file in new[] { building, building + "-wal", building + "-shm" })
        {
            File.Delete(file);
        }

        var clock = Stopwatch.StartNew();
        await using (var store = await SqliteEvidence.OpenAsync(building))
        {
            var random = new Random(20261125);
            var start = new DateTimeOffset(2024, 1, 1, 18, 0, 0, TimeSpan.Zero);
            var step = TimeSpan.FromDays(3 * 365).Ticks / events;
            var batch = new List<EvidenceRecord>(Batch);
            var recentDenied = new List<DecisionRecord>();
            for (var i = 0; i < PolicyIds.Length; i++)
            {
                batch.Add(new PolicyRecord
                {
                    Id = PolicyRecord.RecordIdFor(PolicyIds[i], "v1"),
                    At = start,
                    PolicyId = PolicyIds[i],
                    Title = PolicyIds[i],
                    Owner = i % 3 == 0 ? "head-chef" : "general-manager",
                    OverridableBy = (StaffRole)(i % 3),
                    Rationale = "Generated for the review benchmark.",
                    Version = "v1",
                });
            }

            for (var n = batch.Count; n < events; n++)
            {
                var at = start.AddTicks(step * n);
                var roll = random.Next(100);
                if (roll < 6 && recentDenied.Count > 0)
                {
                    batch.Add(Override(recentDenied[random.Next(recentDenied.Count)], at, random));
                }
                else if (roll < 7 && recentDenied.Count > 0)
                {
                    batch.Add(Refusal(recentDenied[random.Next(recentDenied.Count)], at, random));
                }
                else if (roll < 12 && recentDenied.Count > 0)
                {
                    batch.Add(new OutcomeRecord
                    {
                        Id = TimeSortableId.New(at),
                        At = at,
                        DecisionId = recentDenied[random.Next(recentDenied.Count)].Id,
                        Outcome = (OutcomeKind)random.Next(4),
                        Note = "Generated outcome",
                    });
                }
                else
                {
                    var decision = Decision(at, random);
                    batch.Add(decision);
                    if (decision.Outcome != DecisionOutcome.Allow)
                    {
                        // Overrides and outcomes refer to recent decisions, as they do in a restaurant's evening.
                        if (recentDenied.Count == 200)
                        {
                            recentDenied.RemoveAt(0);
                        }

                        recentDenied.Add(decision);
                    }
                }

                if (batch.Count == Batch)
                {
                    await store.AppendAsync(batch, AppendDurability.Batched);
                    batch.Clear();
                }
            }

            if (batch.Count > 0)
            {
                await store.AppendAsync(batch, AppendDurability.Batched);
            }
        }

        SqliteConnection.ClearAllPools();
        File.Move(building, path);
        Console.WriteLine($"// generated {events:N0} evidence events into {path} in {clock.Elapsed.TotalSeconds:F1} s ({new FileInfo(path).Length / 1048576} MB)");
        return path;
    }

    private static DecisionRecord Decision(DateTimeOffset at, Random random)
    {
        var outcome = random.Next(10) switch { < 6 => DecisionOutcome.Allow, < 8 => DecisionOutcome.RequireApproval, _ => DecisionOutcome.Deny };
        var policies = outcome == DecisionOutcome.Allow && random.Next(2) == 0
            ? Array.Empty<string>()
            : [PolicyIds[random.Next(PolicyIds.Length)]];
        return new DecisionRecord
        {
            Id = TimeSortableId.New(at),
            At = at,
            Outcome = outcome,
            Policies = policies,
            Customer = "guest-" + random.Next(20_000),
            Staff = "staff-" + random.Next(60),
            Location = "site-" + random.Next(8),
            PolicySetVersion = "5e1f0c2a9b3d4e61",
            FactsDigest = "9f2c4e6a8b0d1f3e5a7c9e1b3d5f7a9c1e3b5d7f9a1c3e5b7d9f1a3c5e7b9d1f",
        };
    }

    private static OverrideRecord Override(DecisionRecord decision, DateTimeOffset at, Random random) => new()
    {
        Id = TimeSortableId.New(at),
        At = at,
        DecisionId = decision.Id,
        Staff = "staff-" + random.Next(60),
        Role = StaffRole.Manager,
        Justification = Justifications[random.Next(Justifications.Length)],
        RequiredRole = StaffRole.Supervisor,
        Decision = Snapshot(decision),
    };

    private static RefusedOverrideRecord Refusal(DecisionRecord decision, DateTimeOffset at, Random random) => new()
    {
        Id = TimeSortableId.New(at),
        At = at,
        DecisionId = decision.Id,
        Staff = "staff-" + random.Next(60),
        Role = StaffRole.Staff,
        Justification = "ok",
        Reason = OverrideRefusalReason.PlaceholderJustification,
        Message = "'ok' is a placeholder, not a justification.",
        Decision = Snapshot(decision),
    };

    private static DecisionSnapshot Snapshot(DecisionRecord decision) => new()
    {
        DecidedAt = decision.At,
        Outcome = decision.Outcome,
        Policies = decision.Policies.Select(p => new PolicySnapshot(p, decision.Outcome, "Generated reason for " + p, StaffRole.Supervisor)).ToArray(),
        PolicySetVersion = decision.PolicySetVersion,
        FactsDigest = decision.FactsDigest,
        Customer = decision.Customer,
        Location = decision.Location,
    };
}
