using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PolicyAudit.Cli;

/// <summary><c>policyaudit policies --assembly DLL [--format table|json]</c></summary>
internal static class PoliciesCommand
{
    public static Command Create(CliContext context)
    {
        var assembly = new Option<string>("--assembly") { Description = "The compiled assembly (DLL) that holds the [Policy] classes.", Required = true };
        var format = new Option<string>("--format") { Description = "table (default) or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("policies", "List the policy catalog of an assembly: id, title, owner, authority, rationale.")
        {
            assembly, format,
        };
        command.SetAction(parse =>
        {
            var policies = PolicyCatalogReader.Read(parse.GetValue(assembly)!);
            if (parse.GetValue(format) == "json")
            {
                context.Out.WriteLine(ToJson(policies));
                return ExitCodes.Ok;
            }

            if (policies.Count == 0)
            {
                context.Out.WriteLine("No [Policy] classes found.");
                return ExitCodes.Ok;
            }

            context.WriteTable(
                ["Id", "Title", "Owner", "Authority", "Rationale"],
                policies.Select(p => new[] { p.Id, p.Title, p.Owner ?? "unknown", WireNames.Of(p.OverridableBy), p.Rationale ?? string.Empty }).ToArray());
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string ToJson(IReadOnlyList<PolicyDescriptor> policies)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            foreach (var p in policies)
            {
                json.WriteStartObject();
                json.WriteString("id", p.Id);
                json.WriteString("title", p.Title);
                json.WriteString("owner", p.Owner);
                json.WriteString("overridableBy", WireNames.Of(p.OverridableBy));
                json.WriteString("rationale", p.Rationale);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
