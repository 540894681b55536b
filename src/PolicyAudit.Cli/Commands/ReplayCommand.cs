using System.CommandLine;

namespace PolicyAudit.Cli;

/// <summary>
/// <c>policyaudit replay --store S --assembly Candidate.dll [--policy ID] [--from DATE] [--to DATE] --format md|json|html [--out FILE]</c>:
/// re-evaluates the recorded decisions of the window against the candidate's policies and reports what would change.
/// Reads the store only; records nothing.
/// </summary>
internal static class ReplayCommand
{
    public static Command Create(CliContext context)
    {
        var store = PolicyAuditCli.StoreOption();
        var assembly = new Option<string>("--assembly") { Description = "The candidate: a compiled assembly with the changed policies (and the rest of the set).", Required = true };
        var policy = new Option<string?>("--policy") { Description = "Report only this policy (the whole-decision figures still cover the whole candidate)." };
        var from = new Option<string?>("--from") { Description = "First day (YYYY-MM-DD, UTC) or instant (ISO 8601) of decisions replayed; default: the beginning." };
        var to = new Option<string?>("--to") { Description = "Last day included (YYYY-MM-DD, UTC), or the first instant excluded (ISO 8601); default: no end." };
        var format = new Option<string?>("--format") { Description = "md, json or html; default: from the --out file's extension." };
        var output = new Option<string?>("--out") { Description = "The file to write; default: standard output. Never the store or one of its files." };
        var command = new Command("replay", "Try a policy change on the evidence: replay the recorded decisions against a candidate policy set.")
        {
            store, assembly, policy, from, to, format, output,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var outPath = parse.GetValue(output);
            var formatText = parse.GetValue(format) ?? (outPath is null ? null : Path.GetExtension(outPath));
            if (formatText is null || !ReportRenderers.TryParseFormat(formatText, out var replayFormat) || replayFormat == ReportFormat.Csv)
            {
                throw CliException.BadInput(formatText is null
                    ? "replay: --format is required (md, json or html) unless --out names a file with one of those extensions."
                    : $"replay: --format must be md, json or html, not '{ImportValues.Shorten(formatText)}'.");
            }

            var window = new EvidenceWindow(
                ReportCommand.ParseDate("--from", parse.GetValue(from), isEnd: false, "replay"),
                ReportCommand.ParseDate("--to", parse.GetValue(to), isEnd: true, "replay"));
            if (window is { From: { } start, To: { } end } && end <= start)
            {
                throw CliException.BadInput("replay: --to must be after --from.");
            }

            var storeName = parse.GetValue(store)!;
            if (outPath is not null)
            {
                OutputFile.Check("--out", outPath, storeName);
            }

            var candidate = Load(parse.GetValue(assembly)!);
            var policyId = parse.GetValue(policy);
            await using var evidence = await context.Stores.OpenAsync(storeName, mustExist: true, cancellationToken).ConfigureAwait(false);
            Replay replay;
            try
            {
                replay = await context.WithProgressAsync("Replaying decisions", progress =>
                    EvidenceReplay.RunAsync(evidence, window, candidate, policyId, progress is null ? null : new ReportCommand.RecordCount(progress), cancellationToken)).ConfigureAwait(false);
            }
            catch (ArgumentException ex) when (ex.ParamName == "policyId")
            {
                throw CliException.BadInput($"replay: --policy {ImportValues.Shorten(policyId!)} is neither in the candidate ({string.Join(", ", candidate.Policies.Select(p => p.Id))}) nor in the evidence.");
            }

            if (replay.DecisionsWithFacts == 0)
            {
                throw CliException.BadInput(replay.Decisions == 0
                    ? "replay: the store has no decisions in the window; widen --from/--to, or point --store at the evidence you mean."
                    : $"replay: none of the {replay.Decisions} decisions in the window has stored facts, so none can be replayed; decisions keep facts unless StoreNoFacts() is set (and imports need 'facts'), so replay a window recorded with them.");
            }

            if (outPath is null)
            {
                using var terminal = new TerminalWriter(context.Out);
                ReplayRenderers.Render(replay, replayFormat, terminal);
                return ExitCodes.Ok;
            }

            OutputFile.Write(outPath, writer => ReplayRenderers.Render(replay, replayFormat, writer));
            context.Out.WriteLine($"Replayed {replay.Overall.Replayed} of {replay.Decisions} decisions against {candidate.Version}: {replay.Overall.ChangedCount} would change, {replay.Overall.OverriddenNowAllowed} overridden ones would now be allowed, {replay.Overall.UpheldNowAllowed} upheld denials would now be allowed. Wrote {TerminalText.Escape(outPath)}.");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The candidate, or exit 2 saying what to pass instead.</summary>
    private static ReplayCandidate Load(string path)
    {
        try
        {
            return ReplayCandidate.LoadFrom(path);
        }
        catch (FileNotFoundException ex) when (ex.FileName is not null && Path.GetFullPath(path) == ex.FileName)
        {
            throw CliException.BadInput($"replay: --assembly {TerminalText.Escape(path)}: no such file; pass the candidate's compiled DLL (bin/Release/net10.0/Candidate.dll).");
        }
        catch (Exception ex) when (ex is BadImageFormatException or FileLoadException or FileNotFoundException)
        {
            throw CliException.BadInput($"replay: --assembly {TerminalText.Escape(path)} cannot be loaded as a .NET assembly ({TerminalText.Escape(ex.Message)}); pass the candidate's compiled DLL, with its dependencies beside it.");
        }
        catch (PolicySetException ex)
        {
            throw CliException.BadInput($"replay: --assembly {TerminalText.Escape(path)}: {TerminalText.Escape(ex.Message)}");
        }
    }
}
