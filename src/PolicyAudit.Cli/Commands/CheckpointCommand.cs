using System.CommandLine;

namespace PolicyAudit.Cli;

/// <summary><c>policyaudit checkpoint --store FILE [--out FILE]</c></summary>
internal static class CheckpointCommand
{
    public static Command Create(CliContext context)
    {
        var store = PolicyAuditCli.StoreOption();
        var output = new Option<string?>("--out") { Description = "The file to write the checkpoint to; default: standard output." };
        var command = new Command("checkpoint", "Export the head of the evidence chain (sequence and hash) for a reviewer to keep; 'verify --checkpoint' proves it later.")
        {
            store, output,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var evidence = await context.Stores.OpenAsync(parse.GetValue(store)!, mustExist: true, cancellationToken).ConfigureAwait(false);
            var head = await evidence.GetHeadAsync(cancellationToken).ConfigureAwait(false)
                ?? throw new CliException(ExitCodes.Failure, $"{StoreOpener.Describe(parse.GetValue(store)!)}: the store is empty; there is no head to export.");
            if (parse.GetValue(output) is { } file)
            {
                try
                {
                    File.WriteAllText(file, head + "\n");
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
                {
                    throw new CliException(ExitCodes.Failure, $"{file}: cannot be written: {ex.Message}");
                }

                context.Out.WriteLine($"Checkpoint {head} written to {file}.");
            }
            else
            {
                context.Out.WriteLine(head.ToString());
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
