using Microsoft.Extensions.Logging.Abstractions;

namespace PolicyAudit.Reliability.Tests;

/// <summary>
/// Many staff override one decision at the same moment, through recorders on separate store instances (as separate
/// app instances would): what came of each attempt.
/// </summary>
internal static class ConcurrentOverrides
{
    public static Decision Decision { get; } = new(
        "decision-contested",
        DecisionOutcome.Deny,
        [new DeterminingPolicy("corkage-fee", "Corkage fee", DecisionOutcome.Deny, "Bottle brought in", null, StaffRole.Supervisor)],
        "reliability",
        EvidenceSamples.Evening,
        new string('a', 64),
        new ServiceContext("guest-1", "dining-room", "waiter-1"));

    /// <summary>
    /// Opens <paramref name="instances"/> stores with <paramref name="open"/> (one per app instance), has
    /// <paramref name="attempts"/> staff override the decision at once across them, and asserts that exactly one
    /// override landed and every other attempt was refused and recorded as already overridden.
    /// </summary>
    public static async Task AssertExactlyOneLandsAsync(Func<Task<IEvidenceStore>> open, int instances, int attempts)
    {
        var stores = new List<IEvidenceStore>();
        try
        {
            for (var i = 0; i < instances; i++)
            {
                stores.Add(await open());
            }

            var outcomes = await RunAsync(stores, attempts);

            await AssertExactlyOneAsync(stores[0], outcomes);
        }
        finally
        {
            foreach (var store in stores)
            {
                await store.DisposeAsync();
            }
        }
    }

    /// <summary>Runs <paramref name="attempts"/> overrides at once, spread over the stores; null where one landed, the refusal reason otherwise.</summary>
    private static async Task<OverrideRefusalReason?[]> RunAsync(IReadOnlyList<IEvidenceStore> stores, int attempts)
    {
        var recorders = stores.Select(store => new OverrideRecorder(
            store, new JustificationCheck(["n/a", "ok"]), TimeProvider.System, new PolicyAuditTelemetry(), NullLogger.Instance)).ToArray();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, attempts).Select(i => Task.Run(async () =>
        {
            await start.Task;
            try
            {
                await recorders[i % recorders.Length].OverrideAsync(Decision, new StaffMember($"supervisor-{i}", StaffRole.Supervisor), "Their wedding wine; anniversary dinner");
                return (OverrideRefusalReason?)null;
            }
            catch (OverrideRefusedException ex)
            {
                return ex.Reason;
            }
        })).ToArray();
        start.SetResult();
        return await Task.WhenAll(tasks);
    }

    /// <summary>Asserts one override landed and every other attempt was refused and recorded as already overridden.</summary>
    private static async Task AssertExactlyOneAsync(IEvidenceStore store, OverrideRefusalReason?[] outcomes)
    {
        Assert.Single(outcomes, o => o is null);
        Assert.All(outcomes.Where(o => o is not null), o => Assert.Equal(OverrideRefusalReason.AlreadyOverridden, o));
        var records = new List<EvidenceRecord>();
        await foreach (var stored in store.ReadAsync(EvidenceWindow.All))
        {
            records.Add(stored.Record);
        }

        Assert.Single(records.OfType<OverrideRecord>());
        Assert.Equal(outcomes.Length - 1, records.OfType<RefusedOverrideRecord>().Count(r => r.Reason == OverrideRefusalReason.AlreadyOverridden));
        Assert.True((await store.VerifyAsync()).IsValid);
    }
}
