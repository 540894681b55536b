using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PolicyAudit.Cli;

/// <summary><c>policyaudit history --store S --customer ID [--from DATE] [--to DATE] [--format table|json]</c></summary>
internal static class HistoryCommand
{
    public static Command Create(CliContext context)
    {
        var store = PolicyAuditCli.StoreOption();
        var customer = new Option<string>("--customer") { Description = "The customer's id, as the decisions name it.", Required = true };
        var from = WindowOptions.From();
        var to = WindowOptions.To();
        var format = new Option<string>("--format") { Description = "table (default) or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command(
            "history",
            "What happened before with one customer: their decisions, overrides, refused overrides and outcomes, read by index.")
        {
            store, customer, from, to, format,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var id = parse.GetValue(customer)!;
            if (string.IsNullOrWhiteSpace(id))
            {
                throw CliException.BadInput("history: --customer must name a customer.");
            }

            var window = WindowOptions.Parse("history", parse.GetValue(from), parse.GetValue(to));
            await using var evidence = await context.Stores.OpenAsync(parse.GetValue(store)!, mustExist: true, cancellationToken).ConfigureAwait(false);
            var records = new List<StoredEvidence>();
            await foreach (var stored in evidence.ReadCustomerAsync(id, window, cancellationToken).ConfigureAwait(false))
            {
                records.Add(stored);
            }

            var history = CustomerHistory.From(id, window, records.Select(r => r.Record));
            if (parse.GetValue(format) == "json")
            {
                context.Out.WriteLine(ToJson(history, records));
                return ExitCodes.Ok;
            }

            context.Out.WriteLine(history.ToString());
            if (records.Count == 0)
            {
                context.Out.WriteLine("No evidence about this customer in the window.");
                return ExitCodes.Ok;
            }

            context.WriteTable(
                ["At (UTC)", "Kind", "Decision", "Staff", "Details"],
                records.Select(r => Row(r.Record)).ToArray());
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string[] Row(EvidenceRecord record)
    {
        var at = record.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var kind = WireNames.Of(record.Kind);
        return record switch
        {
            DecisionRecord d => [at, kind, d.Id, d.Staff ?? string.Empty, $"{WireNames.Of(d.Outcome)}: {string.Join(", ", d.Policies)}"],
            OverrideRecord o => [at, kind, o.DecisionId, o.Staff, Approval(o.Justification, o.ApprovedBy) + $" ({PolicyList(o.Decision)})"],
            RefusedOverrideRecord r => [at, kind, r.DecisionId, r.Staff, $"{WireNames.Of(r.Reason)}: {r.Message}"],
            OutcomeRecord oc => [at, kind, oc.DecisionId, string.Empty, WireNames.Of(oc.Outcome) + (oc.Note is null ? string.Empty : ": " + oc.Note)],
            _ => [at, kind, string.Empty, string.Empty, record.Id],
        };
    }

    private static string Approval(string justification, string? approvedBy) =>
        "\"" + justification + "\"" + (approvedBy is null ? string.Empty : ", approved by " + approvedBy);

    private static string PolicyList(DecisionSnapshot snapshot) => string.Join(", ", snapshot.Policies.Select(p => p.PolicyId));

    private static string ToJson(CustomerHistory history, IReadOnlyList<StoredEvidence> records)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("customer", history.Customer);
            json.WriteStartObject("window");
            json.WriteString("from", history.Window.From is { } start ? EvidenceCodec.FormatTime(start) : null);
            json.WriteString("to", history.Window.To is { } end ? EvidenceCodec.FormatTime(end) : null);
            json.WriteEndObject();
            json.WriteNumber("overrides", history.Overrides);
            json.WriteNumber("refusedOverrides", history.RefusedOverrides);
            json.WriteNumber("complaints", history.Complaints);
            json.WriteStartArray("overridesByPolicy");
            foreach (var (policy, count) in history.OverridesByPolicy.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal))
            {
                json.WriteStartObject();
                json.WriteString("policy", policy);
                json.WriteNumber("overrides", count);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("records");
            foreach (var stored in records)
            {
                WriteRecord(json, stored);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteRecord(Utf8JsonWriter json, StoredEvidence stored)
    {
        var record = stored.Record;
        json.WriteStartObject();
        json.WriteNumber("sequence", stored.Sequence);
        json.WriteString("kind", WireNames.Of(record.Kind));
        json.WriteString("id", record.Id);
        json.WriteString("at", EvidenceCodec.FormatTime(record.At));
        switch (record)
        {
            case DecisionRecord d:
                json.WriteString("decisionId", d.Id);
                json.WriteString("outcome", WireNames.Of(d.Outcome));
                json.WriteStringArray("policies", d.Policies);
                json.WriteString("staff", d.Staff);
                json.WriteString("location", d.Location);
                break;
            case OverrideRecord o:
                json.WriteString("decisionId", o.DecisionId);
                json.WriteString("staff", o.Staff);
                json.WriteString("role", WireNames.Of(o.Role));
                json.WriteString("approvedBy", o.ApprovedBy);
                json.WriteString("justification", o.Justification);
                json.WriteStringArray("policies", o.Decision.Policies.Select(p => p.PolicyId));
                break;
            case RefusedOverrideRecord r:
                json.WriteString("decisionId", r.DecisionId);
                json.WriteString("staff", r.Staff);
                json.WriteString("role", WireNames.Of(r.Role));
                json.WriteString("reason", WireNames.Of(r.Reason));
                json.WriteString("justification", r.Justification);
                json.WriteString("message", r.Message);
                break;
            case OutcomeRecord oc:
                json.WriteString("decisionId", oc.DecisionId);
                json.WriteString("outcome", WireNames.Of(oc.Outcome));
                json.WriteString("note", oc.Note);
                break;
        }

        json.WriteEndObject();
    }
}
