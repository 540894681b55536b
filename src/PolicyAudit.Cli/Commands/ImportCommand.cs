using System.CommandLine;

namespace PolicyAudit.Cli;

/// <summary><c>policyaudit import --store FILE [--skip-existing] SOURCE...</c></summary>
internal static class ImportCommand
{
    /// <summary>How often an import with <c>--skip-existing</c> re-checks and retries when other imports keep writing the same records.</summary>
    private const int Attempts = 5;

    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

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
        var earliest = new Option<string?>("--earliest")
        {
            Description = "The earliest time a record may have (YYYY-MM-DD or ISO 8601); default 2000-01-01. Older records are refused.",
        };
        var latest = new Option<string?>("--latest")
        {
            Description = "The latest time a record may have (YYYY-MM-DD, that day included, or ISO 8601); default a day after now. Later records are refused.",
        };
        var command = new Command("import", "Import evidence from other systems (policies, decisions, overrides, outcomes).")
        {
            store, skipExisting, earliest, latest, sources,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var defaults = ImportTimes.Default(context.Time.GetUtcNow());
            var times = new ImportTimes(
                ReportCommand.ParseDate("--earliest", parse.GetValue(earliest), isEnd: false, "import") ?? defaults.Earliest,
                ReportCommand.ParseDate("--latest", parse.GetValue(latest), isEnd: true, "import") ?? defaults.Latest);
            var files = parse.GetValue(sources) ?? [];
            var batch = await context.WithProgressAsync("Reading", progress =>
                EvidenceImporter.ReadAsync(files, progress, cancellationToken)).ConfigureAwait(false);
            var storeName = parse.GetValue(store)!;
            var skip = parse.GetValue(skipExisting);
            var summary = await context.WithProgressAsync("Importing", progress =>
                ImportAsync(context, storeName, batch, skip, times, progress, cancellationToken)).ConfigureAwait(false);
            context.Out.WriteLine(summary.ToString());
            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<ImportSummary> ImportAsync(CliContext context, string storeName, ImportBatch batch, bool skip, ImportTimes times, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        // A store that does not exist yet is checked as the empty store it would be and created only once the whole
        // import is accepted, so a refused import leaves no file behind.
        IEvidenceStore? existing = context.Stores.IsNew(storeName)
            ? null
            : await context.Stores.OpenAsync(storeName, mustExist: false, cancellationToken).ConfigureAwait(false);
        var lookup = existing ?? new InMemoryEvidenceStore();
        IEvidenceStore? target = existing;
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var (records, summary) = await new EvidenceImporter(lookup, context.Time, times).PlanAsync(batch, skip, progress, cancellationToken).ConfigureAwait(false);
                target ??= await context.Stores.OpenAsync(storeName, mustExist: false, cancellationToken).ConfigureAwait(false);
                try
                {
                    await EvidenceImporter.AppendAsync(target, records, progress, cancellationToken).ConfigureAwait(false);
                    return summary;
                }
                catch (DuplicateEvidenceException) when (skip && attempt < Attempts)
                {
                    // Another import wrote some of these records since they were checked: check again against what
                    // is stored now, so what it wrote is skipped, as --skip-existing asks.
                    lookup = target;
                }
                catch (DuplicateEvidenceException ex)
                {
                    throw CliException.BadInput(skip
                        ? $"{StoreOpener.Describe(storeName)}: {ex.Message} (other imports kept writing the same records; run the import again)"
                        : $"{StoreOpener.Describe(storeName)}: {ex.Message} (another import wrote it meanwhile; use --skip-existing)");
                }
                catch (Microsoft.Data.Sqlite.SqliteException ex) when (ex.SqliteErrorCode is SqliteBusy or SqliteLocked)
                {
                    throw new CliException(ExitCodes.Failure,
                        $"{StoreOpener.Describe(storeName)}: the store stayed locked by another writer for longer than the wait allowed; try again once it has finished.");
                }
            }
        }
        catch (CliException ex)
        {
            // Whatever stopped it, the store holds none of this import: say so, as for a refused line.
            throw new CliException(ex.ExitCode, ex.Message + Environment.NewLine + "Nothing was imported.");
        }
        finally
        {
            if (target is not null)
            {
                await target.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
