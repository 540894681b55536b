using System.CommandLine;

namespace PolicyAudit.Cli;

/// <summary>
/// The <c>policyaudit</c> command line: import, report, history, verify, checkpoint, policies, replay. Program.cs calls
/// <see cref="RunAsync(string[], TextWriter, TextWriter, bool, CancellationToken)"/>; tests call it in-process with
/// their own writers. Exit codes are those of <see cref="ExitCodes"/>; errors print a message, never a stack trace.
/// </summary>
internal static class PolicyAuditCli
{
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, bool interactive = false, CancellationToken cancellationToken = default) =>
        RunAsync(args, new CliContext(stdout, stderr, new StoreOpener(), interactive, TimeProvider.System), cancellationToken);

    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        var root = new RootCommand("policyaudit: import evidence, report which policies to change, look up a customer's history, verify the evidence chain, list policies, replay a policy change on the evidence.")
        {
            ImportCommand.Create(context),
            ReportCommand.Create(context),
            HistoryCommand.Create(context),
            VerifyCommand.Create(context),
            CheckpointCommand.Create(context),
            PoliciesCommand.Create(context),
            ReplayCommand.Create(context),
        };
        var parse = root.Parse(args);
        var configuration = new InvocationConfiguration { Output = context.Out, Error = context.Error, EnableDefaultExceptionHandler = false };
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                context.Error.WriteLine($"policyaudit: {error.Message}");
            }

            context.Error.WriteLine("Run 'policyaudit --help' (or 'policyaudit COMMAND --help') for usage.");
            return ExitCodes.BadInput;
        }

        try
        {
            return await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (CliException ex)
        {
            context.Error.WriteLine(ex.Message);
            return ex.ExitCode;
        }
        catch (ImportException ex)
        {
            context.Error.WriteLine(ex.Message);
            context.Error.WriteLine("Nothing was imported.");
            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException)
        {
            context.Error.WriteLine("policyaudit: cancelled; nothing was half-written.");
            return ExitCodes.Failure;
        }
        catch (Exception ex)
        {
            context.Error.WriteLine($"policyaudit: {ex.Message}");
            return ExitCodes.Failure;
        }
    }

    /// <summary>The <c>--store</c> option every command that reads or writes evidence has.</summary>
    public static Option<string> StoreOption() => new("--store")
    {
        Description = "The evidence store: an SQLite file, or a PostgreSQL connection string (Host=...;Database=...).",
        Required = true,
    };
}
