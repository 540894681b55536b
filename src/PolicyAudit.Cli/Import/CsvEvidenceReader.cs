namespace PolicyAudit.Cli;

/// <summary>
/// Reads a CSV export (RFC 4180) of decisions and their overrides, such as a point-of-sale export of comps and
/// voids: the header <see cref="Header"/>, then one row per decision; the override columns are empty when the
/// decision was not overridden. <c>policy</c> may list several ids separated by <c>;</c>. Every problem becomes an
/// <see cref="ImportException"/> naming the line. Not thread-safe.
/// </summary>
internal static class CsvEvidenceReader
{
    public const string Header = "decision_id,at,policy,outcome,customer,staff,override_staff,override_role,justification,approved_by,override_at";

    private static readonly string[] Columns = Header.Split(',');

    public static Task ReadAsync(string source, TextReader reader, ImportBatch batch, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var csv = new CsvRecordReader(reader);
        var headerSeen = false;
        var line = 1;
        try
        {
            while (csv.TryRead(out var row))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (row.Line / ImportProgress.Every != line / ImportProgress.Every)
                {
                    progress?.Report(ImportProgress.Lines(source, row.Line));
                }

                line = row.Line;
                if (row.Fields.Count == 1 && row.Fields[0].Length == 0)
                {
                    continue;
                }

                var where = new SourceLine(source, row.Line);
                if (!headerSeen)
                {
                    if (!row.Fields.Select(f => f.Trim()).SequenceEqual(Columns, StringComparer.Ordinal))
                    {
                        throw new ImportException(where, $"the first line must be the header '{Header}'");
                    }

                    headerSeen = true;
                    continue;
                }

                if (row.Fields.Count != Columns.Length)
                {
                    throw new ImportException(where, $"expected {Columns.Length} fields, found {row.Fields.Count}");
                }

                try
                {
                    ReadRow(where, row.Fields, batch);
                }
                catch (FormatException ex)
                {
                    throw new ImportException(where, ex.Message);
                }
            }
        }
        catch (CsvRecordReader.CsvFormatException ex)
        {
            throw new ImportException(new SourceLine(source, ex.Line), ex.Message);
        }
        catch (Exception ex) when (ex is not ImportException and not OutOfMemoryException and not OperationCanceledException)
        {
            throw new ImportException(new SourceLine(source, line), $"cannot be read ({ex.Message})");
        }

        if (!headerSeen)
        {
            throw new ImportException(new SourceLine(source, 1), $"the file is empty: expected the header '{Header}'");
        }

        return Task.CompletedTask;
    }

    private static void ReadRow(SourceLine where, IReadOnlyList<string> row, ImportBatch batch)
    {
        string Field(string name) => row[Array.IndexOf(Columns, name)];
        string? Optional(string name) => string.IsNullOrWhiteSpace(Field(name)) ? null : Field(name).Trim();
        string Required(string name) => Optional(name) ?? throw new FormatException($"'{name}' must not be empty");

        var decisionId = ImportValues.Id("decision_id", Required("decision_id"));
        var policies = Required("policy").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(p => ImportValues.Id("policy", p))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        if (policies.Length == 0)
        {
            throw new FormatException("'policy' must name at least one policy id");
        }

        batch.Decisions.Add(new ImportedDecision(
            where,
            decisionId,
            ImportValues.Time("at", Required("at")),
            policies,
            ImportValues.Outcome("outcome", Required("outcome")),
            ImportValues.OptionalId("customer", Optional("customer")),
            ImportValues.OptionalId("staff", Optional("staff")),
            null));

        if (Optional("override_staff") is not { } overrideStaff)
        {
            var stray = new[] { "override_role", "justification", "approved_by", "override_at" }.FirstOrDefault(c => Optional(c) is not null);
            if (stray is not null)
            {
                throw new FormatException($"'{stray}' is given but 'override_staff' is empty (leave every override column empty when the decision was not overridden)");
            }

            return;
        }

        batch.Overrides.Add(new ImportedOverride(
            where,
            decisionId,
            ImportValues.Time("override_at", Required("override_at")),
            ImportValues.Id("override_staff", overrideStaff),
            ImportValues.Role("override_role", Required("override_role")),
            ImportValues.Text("justification", Field("justification").Trim())!,
            ImportValues.OptionalId("approved_by", Optional("approved_by"))));
    }
}
