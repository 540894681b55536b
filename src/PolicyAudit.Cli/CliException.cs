namespace PolicyAudit.Cli;

/// <summary>A failure the user should read, with the exit code it ends the command with. Its message is printed as is.</summary>
internal sealed class CliException(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;

    public static CliException BadInput(string message) => new(ExitCodes.BadInput, message);
}
