using System.CommandLine;
using System.Globalization;

namespace PolicyAudit.Cli;

/// <summary><c>policyaudit report --store FILE [--from DATE] [--to DATE] [--owner NAME] --format html|md|json|csv [--out FILE]</c></summary>
internal static class ReportCommand
{
    public static Command Create(CliContext context)
    {
        var store = PolicyAuditCli.StoreOption();
        var from = WindowOptions.From();
        var to = WindowOptions.To();
        var format = new Option<string?>("--format") { Description = "html, md, json or csv; default: from the --out file's extension." };
        var output = new Option<string?>("--out") { Description = "The file to write; default: standard output. Never the store or one of its files." };
        var owner = new Option<string?>("--owner") { Description = "Only this owner's packet: their policies, verdicts, suggestions, harms after overrides and repeat customers." };
        var requireValid = new Option<bool>("--require-valid")
        {
            Description = "Exit 3 without a report when the evidence chain does not verify (by default the report is written, with a warning).",
        };
        var command = new Command("report", "Review the evidence and report, per policy, a verdict with the figures behind it.")
        {
            store, from, to, owner, format, output, requireValid,
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

            var storeName = parse.GetValue(store)!;
            if (outPath is not null)
            {
                OutputFile.Check("--out", outPath, storeName);
            }

            await using var evidence = await context.Stores.OpenAsync(storeName, mustExist: true, cancellationToken).ConfigureAwait(false);

            // A review of evidence that does not verify would present tampered figures as fact: verify first, and
            // say so in the report and here, or refuse with --require-valid.
            var integrity = await context.WithProgressAsync("Verifying the evidence chain", _ =>
                evidence.VerifyAsync(null, cancellationToken)).ConfigureAwait(false);
            if (!integrity.IsValid)
            {
                context.Error.WriteLine($"policyaudit: warning: the evidence does not verify: {TerminalText.Escape(integrity.ToString())}");
                if (parse.GetValue(requireValid))
                {
                    context.Error.WriteLine("No report was written (--require-valid).");
                    return ExitCodes.VerificationFailed;
                }
            }

            Review everyone;
            try
            {
                everyone = await context.WithProgressAsync("Reviewing evidence", progress =>
                    EvidenceReview.CreateReviewer(evidence).ReviewAsync(
                        window,
                        progress is null ? null : new RecordCount(progress),
                        cancellationToken)).ConfigureAwait(false);
            }
            catch (Exception ex) when (!integrity.IsValid && ex is not OperationCanceledException)
            {
                // Whatever the damage makes the review trip over, it is the damage verification already named.
                throw new CliException(ExitCodes.VerificationFailed, $"policyaudit: the evidence cannot be reviewed: {TerminalText.Escape(ex.Message)}");
            }

            var review = OwnerPacketOf(everyone, parse.GetValue(owner)) with { Integrity = integrity };
            if (outPath is null)
            {
                using var terminal = new TerminalWriter(context.Out);
                ReportRenderers.For(reportFormat).Render(review, terminal);
                return ExitCodes.Ok;
            }

            OutputFile.Write(outPath, writer => ReportRenderers.For(reportFormat).Render(review, writer));
            context.WriteTable(VerdictTable.Columns, VerdictTable.Rows(review));
            context.Out.WriteLine($"Wrote the {reportFormat.ToString().ToLowerInvariant()} report of {review.Policies.Count + review.PoliciesWithoutDecisions.Count} policies{(review.Owner is { } name ? " owned by " + TerminalText.Escape(name) : string.Empty)} to {TerminalText.Escape(outPath)}.");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The whole review, or one owner's packet; an owner who owns nothing is bad input, named with the owners there are.</summary>
    private static Review OwnerPacketOf(Review review, string? owner)
    {
        if (owner is null)
        {
            return review;
        }

        if (string.IsNullOrWhiteSpace(owner))
        {
            throw CliException.BadInput("report: --owner must name an owner.");
        }

        var packet = review.ForOwner(owner);
        if (packet.Policies.Count + packet.PoliciesWithoutDecisions.Count > 0)
        {
            return packet;
        }

        var owners = review.Policies.Concat(review.PoliciesWithoutDecisions)
            .Select(p => p.Owner)
            .OfType<string>()
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal)
            .ToArray();
        throw CliException.BadInput(owners.Length == 0
            ? $"report: no policy is owned by '{ImportValues.Shorten(owner)}'; no policy in the store names an owner."
            : $"report: no policy is owned by '{ImportValues.Shorten(owner)}'; owners: {string.Join(", ", owners)}.");
    }

    /// <summary>A date (a whole UTC day) or an ISO 8601 instant; an end date includes its whole day (see <see cref="WindowOptions"/>).</summary>
    internal static DateTimeOffset? ParseDate(string option, string? text, bool isEnd, string command = "report") =>
        WindowOptions.ParseDate(command, option, text, isEnd);

    /// <summary>Progress in records read, as the terminal shows it; shared with replay.</summary>
    internal sealed class RecordCount(IProgress<string> progress) : IProgress<long>
    {
        public void Report(long value) => progress.Report($"{value.ToString("N0", CultureInfo.InvariantCulture)} records read");
    }
}
