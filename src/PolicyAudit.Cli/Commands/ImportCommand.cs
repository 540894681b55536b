using System.CommandLine;

namespace PolicyAudit.Cli;

/// <summary><c>policyaudit import --store FILE [--skip-existing] SOURCE...</c></summary>
internal static class ImportCommand
{
    public static Command Create(CliContext context)
    {
        var store = PolicyAuditCli.StoreOption();
        var skipExisting = new Option<bool>("--skip-existing")
        {
            Description = "Skip records whose id is already stored (re-importing a file adds nothing) instead of refusing the import.",
        };
        var sources = new Argument<string[]>("SOURCE")
        {
            Description = "Evidence files: JSON Lines (*.jsonl, *.ndjson) or CSV (*.csv). Everything is validated before anything is written.",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("import", "Import evidence from other systems (policies, decisions, overrides, outcomes).")
        {
            store, skipExisting, sources,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var files = parse.GetValue(sources) ?? [];
            var batch = await context.WithProgressAsync("Reading", progress =>
                EvidenceImporter.ReadAsync(files, progress, cancellationToken)).ConfigureAwait(false);
            var storeName = parse.GetValue(store)!;
            await using var evidence = await context.Stores.OpenAsync(storeName, mustExist: false, cancellationToken).ConfigureAwait(false);
            var importer = new EvidenceImporter(evidence, context.Time);
            ImportSummary summary;
            try
            {
                summary = await context.WithProgressAsync("Importing", progress =>
                    importer.ImportAsync(batch, parse.GetValue(skipExisting), progress, cancellationToken)).ConfigureAwait(false);
            }
            catch (DuplicateEvidenceException ex)
            {
                throw CliException.BadInput($"{StoreOpener.Describe(storeName)}: {ex.Message} (another import wrote it meanwhile; use --skip-existing)");
            }

            context.Out.WriteLine(summary.ToString());
            return ExitCodes.Ok;
        });
        return command;
    }
}
