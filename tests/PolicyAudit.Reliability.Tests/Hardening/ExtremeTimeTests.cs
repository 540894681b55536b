namespace PolicyAudit.Reliability.Tests;

/// <summary>Times that cannot be true: refused on the way in, and harmless when already stored.</summary>
[Trait("Category", "Reliability")]
public sealed class ExtremeTimeTests : IDisposable
{
    private readonly TemporaryFolder _folder = new("extreme-time");

    [Theory]
    [InlineData("html")]
    [InlineData("md")]
    [InlineData("json")]
    [InlineData("csv")]
    public async Task Report_OverrideStoredAtTheLastDayOfTheCalendar_ReportsInsteadOfCrashing(string format)
    {
        var store = _folder.File("audit.db");
        await using (var evidence = await SqliteEvidence.OpenAsync(store))
        {
            var records = EvidenceSamples.Create(40).ToList();
            var last = new DateTimeOffset(9999, 12, 31, 23, 59, 59, TimeSpan.Zero);
            records.Add(OverrideSample.Create("far-future", last) with { DecisionId = "decision-2" });
            await evidence.AppendAsync(records, AppendDurability.Durable);
        }

        var run = await Cli.RunAsync("report", "--store", store, "--format", format, "--out", _folder.File("report." + format));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(new FileInfo(_folder.File("report." + format)).Length < 2_000_000);
    }

    [Fact]
    public async Task Report_ToTheLastDayOfTheCalendar_ExitTwo()
    {
        var store = _folder.File("audit.db");
        await EvidenceSamples.CreateSqliteAsync(store, decisions: 5);

        var run = await Cli.RunAsync("report", "--store", store, "--format", "json", "--to", "9999-12-31");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--to 9999-12-31 cannot be represented", run.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}
