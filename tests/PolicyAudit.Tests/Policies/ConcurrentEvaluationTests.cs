namespace PolicyAudit.Tests.Policies;

/// <summary>One engine, its pooled NRules sessions, many threads.</summary>
public sealed class ConcurrentEvaluationTests
{
    private const int Threads = 8;
    private const int RequestsPerThread = 250;

    [Fact]
    public async Task Evaluate_EightThreadsAtOnce_EachDecisionMatchesItsOwnFacts()
    {
        await using var engine = TestEngine.For(typeof(LargePartyNeedsManager), typeof(WalkInNeedsHost));
        using var start = new Barrier(Threads);

        var results = await Task.WhenAll(Enumerable.Range(0, Threads).Select(t => Task.Factory.StartNew(
            () =>
            {
                start.SignalAndWait();
                var wrong = new List<string>();
                for (var i = 0; i < RequestsPerThread; i++)
                {
                    var guest = $"guest-{t}-{i}";
                    var size = 2 + ((t + i) % 12);
                    var booked = i % 3 == 0;
                    object[] facts = booked ? [new Seating(guest, size), new Reservation(guest)] : [new Seating(guest, size)];
                    var decision = engine.Evaluate(facts);
                    var expected = Expected(guest, size, booked);
                    var actual = decision.DeterminingPolicies.Select(p => p.Reason).ToArray();
                    if (!actual.SequenceEqual(expected))
                    {
                        wrong.Add($"{guest} (party of {size}, booked: {booked}): [{string.Join("; ", actual)}]");
                    }
                }

                return wrong;
            },
            TaskCreationOptions.LongRunning)));

        Assert.Empty(results.SelectMany(r => r));
        Assert.Equal(Threads * RequestsPerThread, (await engine.RecordedDecisionsAsync()).Length);
    }

    private static string[] Expected(string guest, int size, bool booked) => (size > 8, booked) switch
    {
        (true, _) => [$"A party of {size} needs the manager"],
        (false, false) => [$"{guest} has no reservation"],
        _ => [],
    };

    public sealed record Seating(string Guest, int PartySize);

    public sealed record Reservation(string Guest);

    [Policy("large-party-needs-manager", OverridableBy = StaffRole.Manager)]
    private sealed class LargePartyNeedsManager : Policy
    {
        public override void Define()
        {
            Seating seating = null!;
            When().Match(() => seating, s => s.PartySize > 8);
            Then().Deny(() => "A party of " + seating.PartySize + " needs the manager");
        }
    }

    [Policy("walk-in-needs-host", OverridableBy = StaffRole.Staff)]
    private sealed class WalkInNeedsHost : Policy
    {
        public override void Define()
        {
            Seating seating = null!;
            When()
                .Match(() => seating, s => s.PartySize <= 8)
                .Not<Reservation>(r => r.Guest == seating.Guest);
            Then().RequireApproval(() => seating.Guest + " has no reservation");
        }
    }
}
