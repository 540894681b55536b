using System.CommandLine;

namespace PolicyAudit.Cli;

/// <summary><c>policyaudit checkpoint --store FILE [--out FILE]</c></summary>
internal static class CheckpointCommand
{
    public static Command Create(CliContext context)
    {
        var store = PolicyAuditCli.StoreOption();
        var output = new Option<string?>("--out") { Description = "The file to write the checkpoint to; default: standard output. Never the store or one of its files." };
        var command = new Command("checkpoint", "Export the head of the evidence chain (sequence and hash) for a reviewer to keep; 'verify --checkpoint' proves it later.")
        {
            store, output,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(output) is { } target)
            {
                OutputFile.Check("--out", target, parse.GetValue(store));
            }

            await using var evidence = await context.Stores.OpenAsync(parse.GetValue(store)!, mustExist: true, cancellationToken).ConfigureAwait(false);
            var head = await evidence.GetHeadAsync(cancellationToken).ConfigureAwait(false)
                ?? throw new CliException(ExitCodes.Failure, $"{StoreOpener.Describe(parse.GetValue(store)!)}: the store is empty; there is no head to export.");
            if (parse.GetValue(output) is { } file)
            {
                OutputFile.Write(file, writer => writer.Write(head + "\n"));
                context.Out.WriteLine($"Checkpoint {head} written to {TerminalText.Escape(file)}.");
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
