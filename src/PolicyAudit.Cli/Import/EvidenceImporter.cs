using System.Security.Cryptography;
using System.Text;

namespace PolicyAudit.Cli;

/// <summary>
/// Imports evidence from other systems: reads every source, validates every record and every reference (policies,
/// decisions, ids already stored), and only then appends everything in one atomic, durable append, so a refused
/// import leaves the store unchanged. Ids of imported overrides and outcomes are derived from their content, so
/// importing the same file again with <c>skipExisting</c> adds nothing. Not thread-safe (one import at a time).
/// </summary>
/// <param name="store">The store the batch is checked against (ids already stored, policies and decisions referred to).</param>
/// <param name="time">The clock of "now".</param>
/// <param name="times">The times accepted; by default from 2000-01-01 to a day after now.</param>
internal sealed class EvidenceImporter(IEvidenceStore store, TimeProvider time, ImportTimes? times = null)
{
    private readonly ImportTimes _times = times ?? ImportTimes.Default(time.GetUtcNow());

    /// <summary>The id of the override of a decision (an imported decision is overridden at most once).</summary>
    public static string OverrideId(string decisionId) => decisionId + ":override";

    /// <summary>The id of an outcome: the decision's id and a digest of what the outcome says.</summary>
    public static string OutcomeId(ImportedOutcome outcome)
    {
        var content = string.Join("\n", EvidenceCodec.FormatTime(outcome.At), WireNames.Of(outcome.Kind), outcome.Note ?? string.Empty);
        var digest = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(content)))[..16].ToLowerInvariant();
        return outcome.DecisionId + ":outcome:" + digest;
    }

    /// <summary>Reads <paramref name="sources"/> (JSON Lines or CSV, by extension) into one batch.</summary>
    /// <exception cref="ImportException">A source cannot be read or a line is wrong.</exception>
    public static async Task<ImportBatch> ReadAsync(IReadOnlyList<string> sources, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var batch = new ImportBatch();
        foreach (var source in sources)
        {
            batch.Sources.Add(source);
            progress?.Report($"reading {source}");
            var extension = Path.GetExtension(source).ToLowerInvariant();
            Func<string, TextReader, ImportBatch, IProgress<string>?, CancellationToken, Task> read = extension switch
            {
                ".jsonl" or ".ndjson" => JsonLinesReader.ReadAsync,
                ".csv" => CsvEvidenceReader.ReadAsync,
                _ => throw new ImportException(new SourceLine(source, 0), $"unknown format '{extension}': name JSON Lines files *.jsonl (or *.ndjson) and CSV files *.csv"),
            };
            TextReader reader;
            try
            {
                reader = new CheckedSourceReader(File.OpenRead(source), source);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                throw new ImportException(new SourceLine(source, 0), $"cannot be read: {ex.Message}");
            }

            using (reader)
            {
                await read(source, reader, batch, progress, cancellationToken).ConfigureAwait(false);
            }
        }

        return batch;
    }

    /// <summary>Appends what <see cref="PlanAsync"/> accepted, atomically and durably.</summary>
    public static async Task AppendAsync(IEvidenceStore target, IReadOnlyList<EvidenceRecord> records, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        if (records.Count > 0)
        {
            progress?.Report($"writing {records.Count} records");
            await target.AppendAsync(records, AppendDurability.Durable, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Validates <paramref name="batch"/> against itself and the store and returns the records to append, writing
    /// nothing, so the caller may choose where they go (a store created only once the import is known to be good).
    /// </summary>
    /// <exception cref="ImportException">A record cannot be accepted.</exception>
    public async Task<(IReadOnlyList<EvidenceRecord> Records, ImportSummary Summary)> PlanAsync(ImportBatch batch, bool skipExisting, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        progress?.Report("checking references");
        // Every record is checked before anything is written; the problem reported is the first in source order.
        var problems = new List<ImportException>();
        RefuseDuplicates(batch, problems);
        var existing = await ExistingAsync(batch, cancellationToken).ConfigureAwait(false);
        var known = await KnownFromStoreAsync(batch, cancellationToken).ConfigureAwait(false);
        var policies = new Dictionary<string, StaffRole>(StringComparer.Ordinal);
        foreach (var p in batch.Policies)
        {
            policies.TryAdd(p.Id, p.OverridableBy);
        }

        foreach (var (id, record) in known.Policies)
        {
            policies.TryAdd(id, record.OverridableBy);
        }

        var decisions = new Dictionary<string, DecisionRecord>(StringComparer.Ordinal);
        foreach (var d in batch.Decisions)
        {
            decisions.TryAdd(d.Id, d.ToRecord());
        }

        foreach (var (id, record) in known.Decisions)
        {
            decisions.TryAdd(id, record);
        }

        var skipped = 0;
        bool Skip(EvidenceKind kind, string id, SourceLine where)
        {
            if (!existing.Contains((kind, id)))
            {
                return false;
            }

            if (!skipExisting)
            {
                throw new ImportException(where, $"{WireNames.Of(kind)} '{ImportValues.Shorten(id)}' is already in the store (use --skip-existing to skip records imported before)");
            }

            skipped++;
            return true;
        }

        var records = new List<EvidenceRecord>(batch.Count);
        var earliest = batch.Decisions.Select(d => d.At).Concat(batch.Overrides.Select(o => o.At)).Concat(batch.Outcomes.Select(o => o.At))
            .DefaultIfEmpty(time.GetUtcNow()).Min();
        var policyCount = 0;
        foreach (var p in batch.Policies)
        {
            try
            {
                if (!Skip(EvidenceKind.Policy, PolicyRecord.RecordIdFor(p.Id, null), p.Where))
                {
                    // Imported policies are dated no later than the evidence imported with them, so they precede it.
                    records.Add(new PolicyRecord { Id = PolicyRecord.RecordIdFor(p.Id, null), At = earliest, PolicyId = p.Id, Title = p.Title, Owner = p.Owner, OverridableBy = p.OverridableBy, Rationale = p.Rationale });
                    policyCount++;
                }
            }
            catch (ImportException problem)
            {
                problems.Add(problem);
            }
        }

        var decisionCount = 0;
        foreach (var d in batch.Decisions)
        {
            try
            {
                var unknown = d.Policies.FirstOrDefault(p => !policies.ContainsKey(p));
                if (unknown is not null)
                {
                    throw new ImportException(d.Where, $"decision '{ImportValues.Shorten(d.Id)}' refers to unknown policy '{ImportValues.Shorten(unknown)}' (import the policy first, or in the same run)");
                }

                if (_times.Problem("at", d.At) is { } badTime)
                {
                    throw new ImportException(d.Where, badTime);
                }

                if (!Skip(EvidenceKind.Decision, d.Id, d.Where))
                {
                    records.Add(decisions[d.Id]);
                    decisionCount++;
                }
            }
            catch (ImportException problem)
            {
                problems.Add(problem);
            }
        }

        int overrideCount = 0, unauthorizedCount = 0;
        foreach (var o in batch.Overrides)
        {
            try
            {
                if (!decisions.TryGetValue(o.DecisionId, out var decision))
                {
                    throw new ImportException(o.Where, $"override refers to unknown decision '{ImportValues.Shorten(o.DecisionId)}'");
                }

                if (_times.Problem("at", o.At) is { } badTime)
                {
                    throw new ImportException(o.Where, badTime);
                }

                if (o.At < decision.At)
                {
                    throw new ImportException(o.Where, $"override at {EvidenceCodec.FormatTime(o.At)} is before its decision '{ImportValues.Shorten(o.DecisionId)}' at {EvidenceCodec.FormatTime(decision.At)}");
                }

                if (decision.Outcome == DecisionOutcome.Allow)
                {
                    throw new ImportException(o.Where, $"override of decision '{ImportValues.Shorten(o.DecisionId)}', which allowed the request: there is nothing to override");
                }

                // The override set aside the policies that denied or required approval: only they ask for authority.
                var snapshots = new List<PolicySnapshot>();
                foreach (var policyId in decision.Policies)
                {
                    if (!policies.TryGetValue(policyId, out var authority))
                    {
                        throw new ImportException(o.Where, $"override of decision '{ImportValues.Shorten(o.DecisionId)}' refers to unknown policy '{ImportValues.Shorten(policyId)}'");
                    }

                    if (decision.OutcomeOf(policyId) is var said and not DecisionOutcome.Allow)
                    {
                        snapshots.Add(new PolicySnapshot(policyId, said, string.Empty, authority));
                    }
                }

                if (Skip(EvidenceKind.Override, OverrideId(o.DecisionId), o.Where))
                {
                    continue;
                }

                var record = new OverrideRecord
                {
                    Id = OverrideId(o.DecisionId),
                    At = o.At,
                    DecisionId = o.DecisionId,
                    Staff = o.Staff,
                    Role = o.Role,
                    Justification = o.Justification,
                    ApprovedBy = o.ApprovedBy,
                    RequiredRole = snapshots.Count == 0 ? StaffRole.Staff : snapshots.Max(s => s.OverridableBy),
                    Decision = new DecisionSnapshot
                    {
                        DecidedAt = decision.At,
                        Outcome = decision.Outcome,
                        Policies = snapshots,
                        Customer = decision.Customer,
                        Location = decision.Location,
                    },
                };
                records.Add(record);
                overrideCount++;
                unauthorizedCount += record.IsUnauthorized ? 1 : 0;
            }
            catch (ImportException problem)
            {
                problems.Add(problem);
            }
        }

        var outcomeCount = 0;
        foreach (var o in batch.Outcomes)
        {
            try
            {
                if (!decisions.TryGetValue(o.DecisionId, out var decision))
                {
                    throw new ImportException(o.Where, $"outcome refers to unknown decision '{ImportValues.Shorten(o.DecisionId)}'");
                }

                if (_times.Problem("at", o.At) is { } badTime)
                {
                    throw new ImportException(o.Where, badTime);
                }

                if (o.At < decision.At)
                {
                    throw new ImportException(o.Where, $"outcome at {EvidenceCodec.FormatTime(o.At)} is before its decision '{ImportValues.Shorten(o.DecisionId)}' at {EvidenceCodec.FormatTime(decision.At)}");
                }

                if (!Skip(EvidenceKind.Outcome, OutcomeId(o), o.Where))
                {
                    records.Add(new OutcomeRecord { Id = OutcomeId(o), At = o.At, DecisionId = o.DecisionId, Outcome = o.Kind, Note = o.Note });
                    outcomeCount++;
                }
            }
            catch (ImportException problem)
            {
                problems.Add(problem);
            }
        }

        if (problems.Count > 0)
        {
            throw problems.OrderBy(p => batch.SourceOrder(p.Where.Source)).ThenBy(p => p.Where.Line).First();
        }

        return (records, new ImportSummary(policyCount, decisionCount, overrideCount, unauthorizedCount, outcomeCount, skipped));
    }

    private static void RefuseDuplicates(ImportBatch batch, List<ImportException> problems)
    {
        Refuse(batch.Policies, p => p.Id, p => p.Where, "policy");
        Refuse(batch.Decisions, d => d.Id, d => d.Where, "decision");
        Refuse(batch.Overrides, o => o.DecisionId, o => o.Where, "override of decision");
        Refuse(batch.Outcomes, OutcomeId, o => o.Where, "outcome");

        void Refuse<T>(IEnumerable<T> items, Func<T, string> key, Func<T, SourceLine> where, string what)
        {
            var first = new Dictionary<string, SourceLine>(StringComparer.Ordinal);
            foreach (var item in items)
            {
                if (!first.TryAdd(key(item), where(item)))
                {
                    var id = key(item);
                    var shown = what == "outcome" ? "the same outcome" : $"{what} '{ImportValues.Shorten(id)}'";
                    problems.Add(new ImportException(where(item), $"{shown} appears twice (first at {first[id]})"));
                }
            }
        }
    }

    private async Task<HashSet<(EvidenceKind, string)>> ExistingAsync(ImportBatch batch, CancellationToken cancellationToken)
    {
        var existing = new HashSet<(EvidenceKind, string)>();
        async Task FindAsync(EvidenceKind kind, IEnumerable<string> ids)
        {
            var list = ids.ToArray();
            if (list.Length == 0)
            {
                return;
            }

            foreach (var id in await store.FindExistingAsync(kind, list, cancellationToken).ConfigureAwait(false))
            {
                existing.Add((kind, id));
            }
        }

        await FindAsync(EvidenceKind.Policy, batch.Policies.Select(p => PolicyRecord.RecordIdFor(p.Id, null))).ConfigureAwait(false);
        await FindAsync(EvidenceKind.Decision, batch.Decisions.Select(d => d.Id)).ConfigureAwait(false);
        await FindAsync(EvidenceKind.Override, batch.Overrides.Select(o => OverrideId(o.DecisionId))).ConfigureAwait(false);
        await FindAsync(EvidenceKind.Outcome, batch.Outcomes.Select(OutcomeId)).ConfigureAwait(false);
        return existing;
    }

    /// <summary>
    /// The policies and decisions the batch refers to but does not carry, read from the store in one pass (only when
    /// there are any): the latest record of each policy, and the decisions that overrides and outcomes name.
    /// </summary>
    private async Task<(Dictionary<string, PolicyRecord> Policies, Dictionary<string, DecisionRecord> Decisions)> KnownFromStoreAsync(ImportBatch batch, CancellationToken cancellationToken)
    {
        var policies = new Dictionary<string, PolicyRecord>(StringComparer.Ordinal);
        var decisions = new Dictionary<string, DecisionRecord>(StringComparer.Ordinal);
        var batchPolicies = batch.Policies.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var batchDecisions = batch.Decisions.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var wantedDecisions = batch.Overrides.Select(o => o.DecisionId).Concat(batch.Outcomes.Select(o => o.DecisionId))
            .Where(id => !batchDecisions.Contains(id)).ToHashSet(StringComparer.Ordinal);
        var needPolicies = wantedDecisions.Count > 0 || batch.Decisions.Any(d => d.Policies.Any(p => !batchPolicies.Contains(p)));
        if (!needPolicies)
        {
            return (policies, decisions);
        }

        await foreach (var stored in store.ReadAsync(EvidenceWindow.All, cancellationToken).ConfigureAwait(false))
        {
            switch (stored.Record)
            {
                case PolicyRecord policy:
                    policies[policy.PolicyId] = policy;
                    break;
                case DecisionRecord decision when wantedDecisions.Contains(decision.Id):
                    decisions[decision.Id] = decision;
                    break;
            }
        }

        return (policies, decisions);
    }
}
