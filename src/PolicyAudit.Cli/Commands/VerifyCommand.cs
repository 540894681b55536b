using System.CommandLine;

namespace PolicyAudit.Cli;

/// <summary><c>policyaudit verify --store FILE [--checkpoint FILE]</c></summary>
internal static class VerifyCommand
{
    public static Command Create(CliContext context)
    {
        var store = PolicyAuditCli.StoreOption();
        var checkpoint = new Option<string?>("--checkpoint")
        {
            Description = "A checkpoint file written by 'policyaudit checkpoint': also prove the store still holds that record with that hash.",
        };
        var command = new Command("verify", "Verify every record and link of the evidence chain (exit 3, naming the first bad record, when one does not hold).")
        {
            store, checkpoint,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            ChainCheckpoint? expected = null;
            if (parse.GetValue(checkpoint) is { } checkpointFile)
            {
                expected = ReadCheckpoint(checkpointFile);
            }

            await using var evidence = await context.Stores.OpenAsync(parse.GetValue(store)!, mustExist: true, cancellationToken).ConfigureAwait(false);
            var result = await context.WithProgressAsync("Verifying the evidence chain", _ =>
                evidence.VerifyAsync(expected, cancellationToken)).ConfigureAwait(false);
            if (!result.IsValid)
            {
                context.Error.WriteLine(TerminalText.Escape(result.ToString()));
                return ExitCodes.VerificationFailed;
            }

            context.Out.WriteLine(result.ToString() + (expected is null ? string.Empty : $"; holds checkpoint {expected}"));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static ChainCheckpoint ReadCheckpoint(string file)
    {
        string text;
        try
        {
            text = File.ReadAllText(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw CliException.BadInput($"{file}: cannot be read: {ex.Message}");
        }

        try
        {
            return ChainCheckpoint.Parse(text);
        }
        catch (FormatException ex)
        {
            throw CliException.BadInput($"{file}: {ex.Message}");
        }
    }
}
