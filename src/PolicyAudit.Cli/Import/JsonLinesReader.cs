using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PolicyAudit.Cli;

/// <summary>
/// Reads JSON Lines evidence: one object a line, by <c>type</c> (policy, decision, override, outcome); blank lines
/// are skipped. Every problem, including JSON that does not parse, becomes an <see cref="ImportException"/> naming
/// the line. Not thread-safe.
/// </summary>
internal static class JsonLinesReader
{
    /// <summary>How deep a line's JSON may nest: room for facts with nested objects.</summary>
    private const int MaxDepth = 32;

    private static readonly Dictionary<string, string[]> Fields = new(StringComparer.Ordinal)
    {
        ["policy"] = ["type", "id", "title", "owner", "overridableBy", "rationale"],
        ["decision"] = ["type", "id", "at", "policies", "outcome", "customer", "staff", "location", "facts"],
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
            // Deep enough for facts with nested objects; a line deeper than that is not evidence anyone exported.
            document = JsonDocument.Parse(line, new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException ex) when (ex.Message.Contains("depth", StringComparison.OrdinalIgnoreCase))
        {
            throw new ImportException(where, $"JSON nested deeper than {MaxDepth} levels: evidence lines are objects whose only nesting is 'policies', 'policyOutcomes' and 'facts'");
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
                    var decisionId = ImportValues.Id("id", fields.Required("id"));
                    var at = ImportValues.Time("at", fields.Required("at"));
                    var outcome = ImportValues.Outcome("outcome", fields.Required("outcome"));
                    var (policies, policyOutcomes) = fields.Policies("policies", outcome);
                    batch.Decisions.Add(new ImportedDecision(
                        where,
                        decisionId,
                        at,
                        policies,
                        outcome,
                        ImportValues.OptionalId("customer", fields.Optional("customer")),
                        ImportValues.OptionalId("staff", fields.Optional("staff")),
                        ImportValues.OptionalId("location", fields.Optional("location")),
                        policyOutcomes,
                        fields.Facts("facts")));
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

        /// <summary>
        /// The policy ids, and each one's outcome when any entry is an object <c>{"id", "outcome"}</c> (a bare id
        /// then stands for a policy that said what the decision said). Without objects, repeated ids are merged as
        /// before and no per-policy outcomes are kept.
        /// </summary>
        public (IReadOnlyList<string> Ids, IReadOnlyList<DecisionOutcome>? Outcomes) Policies(string name, DecisionOutcome decisionOutcome)
        {
            if (!root.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
            {
                throw new FormatException($"'{name}' must be a non-empty array of policy ids or {{\"id\": ..., \"outcome\": ...}} objects");
            }

            var ids = new List<string>();
            var outcomes = new List<DecisionOutcome>();
            var anyObject = false;
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                var at = $"{name}[{index++}]";
                string id;
                DecisionOutcome outcome;
                switch (item.ValueKind)
                {
                    case JsonValueKind.String:
                        id = ImportValues.Id(name, item.GetString()!);
                        outcome = decisionOutcome;
                        break;
                    case JsonValueKind.Object:
                        anyObject = true;
                        (id, outcome) = PolicyEntry(item, at);
                        break;
                    default:
                        throw new FormatException($"'{name}' must hold policy ids (strings) or {{\"id\": ..., \"outcome\": ...}} objects, not {Describe(item.ValueKind)}");
                }

                var seen = ids.IndexOf(id);
                if (seen < 0)
                {
                    ids.Add(id);
                    outcomes.Add(outcome);
                }
                else if (item.ValueKind == JsonValueKind.Object || outcomes[seen] != outcome)
                {
                    throw new FormatException($"policy '{ImportValues.Shorten(id)}' is listed twice in '{name}'");
                }
            }

            if (!anyObject)
            {
                return (ids, null);
            }

            var strongest = outcomes.Max();
            if (strongest != decisionOutcome)
            {
                throw new FormatException(
                    $"'outcome' is '{WireNames.Of(decisionOutcome)}', but the strongest outcome in '{name}' is '{WireNames.Of(strongest)}': a decision's outcome is its policies' strongest (deny, then require-approval, then allow)");
            }

            return (ids, outcomes);
        }

        /// <summary>The facts of a decision line, written canonically; null when the line has none.</summary>
        public DecisionFacts? Facts(string name)
        {
            if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (value.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException($"'{name}' must be an array of {{\"type\": \"Ns.TypeName\", \"value\": {{...}}}} objects, not {Describe(value.ValueKind)}");
            }

            var facts = new ArrayBufferWriter<byte>(256);
            var valueBytes = new ArrayBufferWriter<byte>(256);
            var options = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
            using (var writer = new Utf8JsonWriter(facts, options))
            using (var valueWriter = new Utf8JsonWriter(valueBytes, options))
            {
                writer.WriteStartArray();
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    var at = $"{name}[{index++}]";
                    var (type, fact, masked) = FactEntry(item, at);
                    valueBytes.Clear();
                    valueWriter.Reset(valueBytes);
                    fact.WriteTo(valueWriter);
                    valueWriter.Flush();
                    DecisionFacts.WriteEntry(writer, type, valueBytes.WrittenSpan, masked);
                }

                writer.WriteEndArray();
            }

            if (facts.WrittenCount > PolicyAuditOptions.DefaultFactsSizeLimit)
            {
                throw new FormatException(string.Create(CultureInfo.InvariantCulture,
                    $"'{name}' take {facts.WrittenCount:N0} bytes; a decision stores at most {PolicyAuditOptions.DefaultFactsSizeLimit:N0} (leave out what the policies do not read)"));
            }

            return DecisionFacts.Parse(System.Text.Encoding.UTF8.GetString(facts.WrittenSpan));
        }

        private static (string Id, DecisionOutcome Outcome) PolicyEntry(JsonElement item, string at)
        {
            foreach (var property in item.EnumerateObject())
            {
                if (property.Name is not ("id" or "outcome"))
                {
                    throw new FormatException($"'{at}' has an unknown field '{ImportValues.Shorten(property.Name)}' (expected id, outcome)");
                }
            }

            var id = item.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String
                ? ImportValues.Id(at + ".id", idElement.GetString()!)
                : throw new FormatException($"'{at}' needs 'id', the policy id (a string)");
            var outcome = item.TryGetProperty("outcome", out var outcomeElement) && outcomeElement.ValueKind == JsonValueKind.String
                ? ImportValues.Outcome(at + ".outcome", outcomeElement.GetString()!)
                : throw new FormatException($"'{at}' needs 'outcome' ({WireNames.Choices<DecisionOutcome>(WireNames.Of)}), what this policy said");
            return (id, outcome);
        }

        private static (string Type, JsonElement Value, List<string> Masked) FactEntry(JsonElement item, string at)
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"'{at}' must be a {{\"type\", \"value\"}} object, not {Describe(item.ValueKind)}");
            }

            foreach (var property in item.EnumerateObject())
            {
                if (property.Name is not ("type" or "value" or "masked"))
                {
                    throw new FormatException($"'{at}' has an unknown field '{ImportValues.Shorten(property.Name)}' (expected type, value, masked)");
                }
            }

            var type = item.TryGetProperty("type", out var typeElement) && typeElement.ValueKind == JsonValueKind.String
                ? typeElement.GetString()!
                : throw new FormatException($"'{at}' needs 'type', the fact's type by full name, such as Restaurant.Facts.BroughtBottle");
            if (type.Length is 0 or > 500 || type.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            {
                throw new FormatException($"'{at}.type' must be a type's full name such as Restaurant.Facts.BroughtBottle, not '{ImportValues.Shorten(type)}'");
            }

            if (!item.TryGetProperty("value", out var fact))
            {
                throw new FormatException($"'{at}' needs 'value', the fact's public properties as a JSON object");
            }

            if (fact.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"'{at}.value' must be a JSON object (the fact's public properties), not {Describe(fact.ValueKind)}");
            }

            var masked = DecisionFacts.ReadMasked(item, $"'{at}.masked' must be an array of the masked properties' names", $"'{at}.masked' must hold property names (non-blank strings)");
            return (type, fact, masked);
        }
    }
}
