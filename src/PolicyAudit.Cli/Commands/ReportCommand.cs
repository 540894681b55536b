using System.CommandLine;
using System.Globalization;

namespace PolicyAudit.Cli;

/// <summary><c>policyaudit report --store FILE [--from DATE] [--to DATE] --format html|md|json|csv [--out FILE]</c></summary>
internal static class ReportCommand
{
    public static Command Create(CliContext context)
    {
        var store = PolicyAuditCli.StoreOption();
        var from = WindowOptions.From();
        var to = WindowOptions.To();
        var format = new Option<string?>("--format") { Description = "html, md, json or csv; default: from the --out file's extension." };
        var output = new Option<string?>("--out") { Description = "The file to write; default: standard output." };
        var command = new Command("report", "Review the evidence and report, per policy, a verdict with the figures behind it.")
        {
            store, from, to, format, output,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var outPath = parse.GetValue(output);
            var formatText = parse.GetValue(format) ?? (outPath is null ? null : Path.GetExtension(outPath));
            if (formatText is null)
            {
                throw CliException.BadInput("report: --format is required (html, md, json or csv) unless --out names a file with one of those extensions.");
            }

            if (!ReportRenderers.TryParseFormat(formatText, out var reportFormat))
            {
                throw CliException.BadInput($"report: --format must be html, md, json or csv, not '{formatText}'.");
            }

            var window = WindowOptions.Parse("report", parse.GetValue(from), parse.GetValue(to));

            await using var evidence = await context.Stores.OpenAsync(parse.GetValue(store)!, mustExist: true, cancellationToken).ConfigureAwait(false);
            var review = await context.WithProgressAsync("Reviewing evidence", progress =>
                EvidenceReview.CreateReviewer(evidence).ReviewAsync(
                    window,
                    progress is null ? null : new RecordCount(progress),
                    cancellationToken)).ConfigureAwait(false);
            if (outPath is null)
            {
                ReportRenderers.For(reportFormat).Render(review, context.Out);
                return ExitCodes.Ok;
            }

            ReportRenderers.WriteFile(review, reportFormat, outPath);
            context.WriteTable(VerdictTable.Columns, VerdictTable.Rows(review));
            context.Out.WriteLine($"Wrote the {reportFormat.ToString().ToLowerInvariant()} report of {review.Policies.Count} policies to {outPath}.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private sealed class RecordCount(IProgress<string> progress) : IProgress<long>
    {
        public void Report(long value) => progress.Report($"{value.ToString("N0", CultureInfo.InvariantCulture)} records read");
    }
}
