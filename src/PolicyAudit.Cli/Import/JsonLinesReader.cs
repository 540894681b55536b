using System.Text.Json;

namespace PolicyAudit.Cli;

/// <summary>
/// Reads JSON Lines evidence: one object a line, by <c>type</c> (policy, decision, override, outcome); blank lines
/// are skipped. Every problem, including JSON that does not parse, becomes an <see cref="ImportException"/> naming
/// the line. Not thread-safe.
/// </summary>
internal static class JsonLinesReader
{
    /// <summary>How deep a line's JSON may nest; evidence needs 2 (an object holding an array).</summary>
    private const int MaxDepth = 8;

    private static readonly Dictionary<string, string[]> Fields = new(StringComparer.Ordinal)
    {
        ["policy"] = ["type", "id", "title", "owner", "overridableBy", "rationale"],
        ["decision"] = ["type", "id", "at", "policies", "outcome", "customer", "staff", "location"],
        ["override"] = ["type", "decision", "at", "staff", "role", "justification", "approvedBy"],
        ["outcome"] = ["type", "decision", "at", "kind", "note"],
    };

    public static async Task ReadAsync(string source, TextReader reader, ImportBatch batch, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var lineNumber = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (++lineNumber % ImportProgress.Every == 0)
            {
                progress?.Report(ImportProgress.Lines(source, lineNumber));
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var where = new SourceLine(source, lineNumber);
            try
            {
                ReadLine(where, line, batch);
            }
            catch (ImportException)
            {
                throw;
            }
            catch (FormatException ex)
            {
                throw new ImportException(where, ex.Message);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException and not OperationCanceledException)
            {
                // Whatever a mutated line does to the parser, the user hears which line it was.
                throw new ImportException(where, $"cannot be read ({ex.Message})");
            }
        }
    }

    private static void ReadLine(SourceLine where, string line, ImportBatch batch)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line, new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException ex) when (ex.Message.Contains("depth", StringComparison.OrdinalIgnoreCase))
        {
            throw new ImportException(where, $"JSON nested deeper than {MaxDepth} levels: each line must be one flat object (only 'policies' holds an array)");
        }
        catch (JsonException ex)
        {
            throw new ImportException(where, $"not valid JSON (at character {(ex.BytePositionInLine ?? 0) + 1}): each line must be one complete JSON object");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new ImportException(where, $"expected a JSON object, found {Describe(root.ValueKind)}");
            }

            var type = root.TryGetProperty("type", out var typeElement) && typeElement.ValueKind == JsonValueKind.String
                ? typeElement.GetString()!
                : throw new ImportException(where, "missing 'type' (policy|decision|override|outcome)");
            if (!Fields.TryGetValue(type, out var allowed))
            {
                throw new ImportException(where, $"unknown type '{ImportValues.Shorten(type)}' (expected policy|decision|override|outcome)");
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in root.EnumerateObject())
            {
                if (!allowed.Contains(property.Name, StringComparer.Ordinal))
                {
                    throw new ImportException(where, $"unknown field '{ImportValues.Shorten(property.Name)}' in a {type} (expected {string.Join(", ", allowed)})");
                }

                if (!seen.Add(property.Name))
                {
                    throw new ImportException(where, $"field '{property.Name}' is given twice");
                }
            }

            var fields = new Line(root, type);
            switch (type)
            {
                case "policy":
                    var id = ImportValues.Id("id", fields.Required("id"));
                    batch.Policies.Add(new ImportedPolicy(
                        where,
                        id,
                        ImportValues.Text("title", fields.Optional("title"), EvidenceLimits.TitleLength) is { Length: > 0 } title ? title : id,
                        ImportValues.Text("owner", fields.Optional("owner"), EvidenceLimits.TitleLength),
                        ImportValues.Authority("overridableBy", fields.Required("overridableBy")),
                        ImportValues.Text("rationale", fields.Optional("rationale"))));
                    break;
                case "decision":
                    batch.Decisions.Add(new ImportedDecision(
                        where,
                        ImportValues.Id("id", fields.Required("id")),
                        ImportValues.Time("at", fields.Required("at")),
                        fields.PolicyIds("policies"),
                        ImportValues.Outcome("outcome", fields.Required("outcome")),
                        ImportValues.OptionalId("customer", fields.Optional("customer")),
                        ImportValues.OptionalId("staff", fields.Optional("staff")),
                        ImportValues.OptionalId("location", fields.Optional("location"))));
                    break;
                case "override":
                    batch.Overrides.Add(new ImportedOverride(
                        where,
                        ImportValues.Id("decision", fields.Required("decision")),
                        ImportValues.Time("at", fields.Required("at")),
                        ImportValues.Id("staff", fields.Required("staff")),
                        ImportValues.Role("role", fields.Required("role")),
                        ImportValues.Text("justification", fields.Required("justification", allowBlank: true))!,
                        ImportValues.OptionalId("approvedBy", fields.Optional("approvedBy"))));
                    break;
                default:
                    batch.Outcomes.Add(new ImportedOutcome(
                        where,
                        ImportValues.Id("decision", fields.Required("decision")),
                        ImportValues.Time("at", fields.Required("at")),
                        ImportValues.OutcomeKind("kind", fields.Required("kind")),
                        ImportValues.Text("note", fields.Optional("note"))));
                    break;
            }
        }
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "something else",
    };

    /// <summary>Typed access to one line's fields, with messages naming the field.</summary>
    private readonly struct Line(JsonElement root, string type)
    {
        public string Required(string name, bool allowBlank = false)
        {
            if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                throw new FormatException($"a {type} needs '{name}'");
            }

            if (value.ValueKind != JsonValueKind.String)
            {
                throw new FormatException($"'{name}' must be a string, not {Describe(value.ValueKind)}");
            }

            var text = value.GetString()!;
            if (!allowBlank && string.IsNullOrWhiteSpace(text))
            {
                throw new FormatException($"'{name}' must not be blank");
            }

            return text;
        }

        public string? Optional(string name)
        {
            if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (value.ValueKind != JsonValueKind.String)
            {
                throw new FormatException($"'{name}' must be a string or null, not {Describe(value.ValueKind)}");
            }

            var text = value.GetString()!;
            return string.IsNullOrWhiteSpace(text) ? null : text;
        }

        public IReadOnlyList<string> PolicyIds(string name)
        {
            if (!root.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
            {
                throw new FormatException($"'{name}' must be a non-empty array of policy ids");
            }

            var ids = new List<string>();
            foreach (var item in value.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String)
                {
                    throw new FormatException($"'{name}' must hold policy ids (strings), not {Describe(item.ValueKind)}");
                }

                var id = ImportValues.Id(name, item.GetString()!);
                if (!ids.Contains(id, StringComparer.Ordinal))
                {
                    ids.Add(id);
                }
            }

            return ids;
        }
    }
}
