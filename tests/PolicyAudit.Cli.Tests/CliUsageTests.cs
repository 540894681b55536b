namespace PolicyAudit.Cli.Tests;

public sealed class CliUsageTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("import", "--help")]
    [InlineData("report", "--help")]
    [InlineData("verify", "--help")]
    [InlineData("checkpoint", "--help")]
    [InlineData("policies", "--help")]
    public async Task Help_AnyCommand_ExitZeroWithUsage(params string[] args)
    {
        var run = await CliHarness.RunAsync(new InMemoryStores(), args);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage:", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData]
    [InlineData("report", "--format", "md")]
    [InlineData("frobnicate")]
    [InlineData("import", "--store", "x.db")]
    public async Task Run_BadUsage_ExitTwo(params string[] args)
    {
        var run = await CliHarness.RunAsync(new InMemoryStores(), args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Run 'policyaudit --help'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_PostgreSqlConnectionString_MapsToPostgreSql()
    {
        Assert.True(StoreOpener.IsConnectionString("Host=localhost;Database=audit"));
        Assert.False(StoreOpener.IsConnectionString("audit.db"));
        Assert.False(StoreOpener.IsConnectionString("weird=name.db"));
        await Task.CompletedTask;
    }
}
