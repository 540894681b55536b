namespace PolicyAudit.Reliability.Tests;

[Trait("Category", "Reliability")]
public sealed class CrashTests(ITestOutputHelper output)
{
    [Fact]
    public async Task AppendOverride_SqliteAppenderKilledTwentyTimes_EveryAcknowledgedOverrideStoredAndChainValid()
    {
        using var folder = new TemporaryFolder("crash");
        var path = folder.File("evidence.db");

        var acknowledged = await CrashScenario.RunAsync(path, () => SqliteEvidence.OpenAsync(path), Seed.Next(output));

        output.WriteLine($"{CrashScenario.Kills} kills, {acknowledged} acknowledged overrides, all stored");
    }
}
