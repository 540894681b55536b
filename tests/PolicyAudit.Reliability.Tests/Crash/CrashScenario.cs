namespace PolicyAudit.Reliability.Tests;

/// <summary>
/// Kills an appender child with SIGKILL at random moments, and after each kill proves every override it acknowledged
/// is stored where its receipt says and the chain verifies. Shared by both stores.
/// </summary>
internal static class CrashScenario
{
    public const int Kills = 20;

    /// <summary>At most this many receipts are read before a kill; 0 kills right after the store opened.</summary>
    private const int MaxReceiptsBeforeKill = 40;

    public static async Task<int> RunAsync(string store, Func<Task<IEvidenceStore>> open, int seed)
    {
        var random = new Random(seed);
        var acknowledged = new List<AppenderProcess.Receipt>();
        for (var kill = 1; kill <= Kills; kill++)
        {
            var context = $"seed {seed}, kill {kill}";
            using (var child = await AppenderProcess.StartAsync(store, threads: 2, perThread: 0, prefix: $"crash-{kill}"))
            {
                await child.ReadReceiptsAsync(random.Next(0, MaxReceiptsBeforeKill + 1));
                await child.KillAsync();
                acknowledged.AddRange(child.Receipts);
            }

            await using var evidence = await open();
            await ChainAssertions.AcknowledgedAreStoredAsync(evidence, acknowledged, context);
        }

        return acknowledged.Count;
    }
}
