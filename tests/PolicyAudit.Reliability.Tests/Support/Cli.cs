using PolicyAudit.Cli;

namespace PolicyAudit.Reliability.Tests;

/// <summary>Runs the <c>policyaudit</c> tool in-process, through its real entry point, capturing what it prints.</summary>
internal static class Cli
{
    public static async Task<CliRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await PolicyAuditCli.RunAsync(args, output, error);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Runs the tool with stores opened by <paramref name="stores"/> instead of from the <c>--store</c> text.</summary>
    public static async Task<CliRun> RunAsync(IStoreOpener stores, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(output, error, stores, interactive: false, TimeProvider.System);
        var exitCode = await PolicyAuditCli.RunAsync(args, context);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }
}

/// <summary>What one run of the tool did.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}--- stderr\n{Error}";
}
