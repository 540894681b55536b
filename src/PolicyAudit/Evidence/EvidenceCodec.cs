using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace PolicyAudit;

/// <summary>
/// The canonical encoding of evidence records: compact JSON with a fixed property order, UTC timestamps with 100 ns
/// precision and kebab-case enum names. The chain hashes these exact bytes, so the encoding must never change for an
/// existing field; new fields are appended, and absent optional fields are written as null.
/// Decision records of store schema 1 end at <c>factsDigest</c>; later ones add <c>policyOutcomes</c> (each listed
/// policy's own outcome) and <c>facts</c> (the stored facts, embedded verbatim so their digest holds). Both read.
/// </summary>
internal static class EvidenceCodec
{
    /// <summary>
    /// A record's own id may be longer than an identifier: ids derived from a decision's (<c>DECISION:override</c>,
    /// <c>DECISION:outcome:DIGEST</c>, <c>policy@version</c>) add up to 64 characters to an id of the full length.
    /// </summary>
    private const int RecordIdLength = EvidenceLimits.IdentifierLength + 64;

    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static string FormatTime(DateTimeOffset at) => at.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseTime(string text) =>
        new(DateTime.SpecifyKind(DateTime.ParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None), DateTimeKind.Utc));

    /// <summary>Normalises an instant to what survives encoding (UTC, 100 ns ticks), so round trips compare equal.</summary>
    public static DateTimeOffset Normalize(DateTimeOffset at) => new(at.UtcTicks, TimeSpan.Zero);

    public static string Encode(EvidenceRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("kind", WireNames.Of(record.Kind));
            writer.WriteString("id", Identifier(record.Id, "Id", RecordIdLength));
            writer.WriteString("at", FormatTime(record.At));
            switch (record)
            {
                case PolicyRecord p:
                    writer.WriteString("policyId", Identifier(p.PolicyId, "PolicyId"));
                    writer.WriteString("title", Text(Require(p.Title, "Title"), "Title", EvidenceLimits.TitleLength));
                    writer.WriteString("owner", Text(p.Owner, "Owner", EvidenceLimits.TitleLength));
                    writer.WriteString("overridableBy", WireNames.Of(p.OverridableBy));
                    writer.WriteString("rationale", Text(p.Rationale, "Rationale"));
                    writer.WriteString("version", p.Version);
                    break;
                case DecisionRecord d:
                    writer.WriteString("outcome", WireNames.Of(d.Outcome));
                    writer.WriteStartArray("policies");
                    foreach (var policy in d.Policies ?? throw Missing("Policies"))
                    {
                        writer.WriteStringValue(Identifier(policy, "Policies"));
                    }

                    writer.WriteEndArray();
                    writer.WriteString("customer", OptionalIdentifier(d.Customer, "Customer"));
                    writer.WriteString("staff", OptionalIdentifier(d.Staff, "Staff"));
                    writer.WriteString("location", OptionalIdentifier(d.Location, "Location"));
                    writer.WriteString("policySetVersion", d.PolicySetVersion);
                    writer.WriteString("factsDigest", d.FactsDigest);
                    WritePolicyOutcomes(writer, d);
                    WriteFacts(writer, d);
                    break;
                case OverrideRecord o:
                    writer.WriteString("decisionId", Identifier(o.DecisionId, "DecisionId"));
                    writer.WriteString("staff", Identifier(o.Staff, "Staff"));
                    writer.WriteString("role", WireNames.Of(o.Role));
                    writer.WriteString("justification", Text(o.Justification ?? throw Missing("Justification"), "Justification"));
                    writer.WriteString("approvedBy", OptionalIdentifier(o.ApprovedBy, "ApprovedBy"));
                    writer.WriteString("approverRole", o.ApproverRole is { } ar ? WireNames.Of(ar) : null);
                    writer.WriteString("requiredRole", WireNames.Of(o.RequiredRole));
                    WriteSnapshot(writer, o.Decision ?? throw Missing("Decision"));
                    break;
                case RefusedOverrideRecord r:
                    writer.WriteString("decisionId", Identifier(r.DecisionId, "DecisionId"));
                    writer.WriteString("staff", Identifier(r.Staff, "Staff"));
                    writer.WriteString("role", WireNames.Of(r.Role));
                    writer.WriteString("justification", Text(r.Justification ?? throw Missing("Justification"), "Justification"));
                    writer.WriteString("approvedBy", OptionalIdentifier(r.ApprovedBy, "ApprovedBy"));
                    writer.WriteString("approverRole", r.ApproverRole is { } rr ? WireNames.Of(rr) : null);
                    writer.WriteString("reason", WireNames.Of(r.Reason));
                    writer.WriteString("message", r.Message ?? throw Missing("Message"));
                    WriteSnapshot(writer, r.Decision ?? throw Missing("Decision"));
                    break;
                case OutcomeRecord oc:
                    writer.WriteString("decisionId", Identifier(oc.DecisionId, "DecisionId"));
                    writer.WriteString("outcome", WireNames.Of(oc.Outcome));
                    writer.WriteString("note", Text(oc.Note, "Note"));
                    break;
                case DroppedDecisionsRecord dd:
                    writer.WriteNumber("count", dd.Count);
                    writer.WriteString("since", FormatTime(dd.Since));
                    break;
                default:
                    throw new ArgumentException($"Unknown evidence record type {record.GetType().Name}.", nameof(record));
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>True for the exceptions <see cref="Decode"/> throws on a payload that is not a valid record.</summary>
    public static bool IsUnreadable(Exception exception) =>
        exception is FormatException or JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException;

    /// <summary>Decodes a stored payload; an unreadable one is reported as corrupt evidence at <paramref name="where"/>.</summary>
    /// <exception cref="InvalidDataException">The payload is not a valid record.</exception>
    public static EvidenceRecord DecodeStored(long sequence, string payload, string where)
    {
        try
        {
            return Decode(payload);
        }
        catch (Exception ex) when (IsUnreadable(ex))
        {
            throw new InvalidDataException($"Record {sequence} of the evidence store {where} cannot be read ({ex.Message}); run verify to check the chain.", ex);
        }
    }

    public static EvidenceRecord Decode(string payload)
    {
        using var document = JsonDocument.Parse(payload);
        var root = document.RootElement;
        var kindText = root.GetProperty("kind").GetString();
        if (!WireNames.TryParse(kindText, out EvidenceKind kind))
        {
            throw new FormatException($"Unknown evidence kind '{kindText}'.");
        }

        var id = root.GetProperty("id").GetString() ?? throw new FormatException("Evidence id is null.");
        var at = ParseTime(root.GetProperty("at").GetString() ?? throw new FormatException("Evidence time is null."));
        return kind switch
        {
            EvidenceKind.Policy => new PolicyRecord
            {
                Id = id,
                At = at,
                PolicyId = RequiredString(root, "policyId"),
                Title = RequiredString(root, "title"),
                Owner = OptionalString(root, "owner"),
                OverridableBy = ParseRole(RequiredString(root, "overridableBy")),
                Rationale = OptionalString(root, "rationale"),
                Version = OptionalString(root, "version"),
            },
            EvidenceKind.Decision => ReadDecision(root, id, at),
            EvidenceKind.Override => new OverrideRecord
            {
                Id = id,
                At = at,
                DecisionId = RequiredString(root, "decisionId"),
                Staff = RequiredString(root, "staff"),
                Role = ParseRole(RequiredString(root, "role")),
                Justification = RequiredString(root, "justification"),
                ApprovedBy = OptionalString(root, "approvedBy"),
                ApproverRole = OptionalString(root, "approverRole") is { } ar ? ParseRole(ar) : null,
                RequiredRole = ParseRole(RequiredString(root, "requiredRole")),
                Decision = ReadSnapshot(root.GetProperty("decision")),
            },
            EvidenceKind.RefusedOverride => new RefusedOverrideRecord
            {
                Id = id,
                At = at,
                DecisionId = RequiredString(root, "decisionId"),
                Staff = RequiredString(root, "staff"),
                Role = ParseRole(RequiredString(root, "role")),
                Justification = RequiredString(root, "justification"),
                ApprovedBy = OptionalString(root, "approvedBy"),
                ApproverRole = OptionalString(root, "approverRole") is { } rr ? ParseRole(rr) : null,
                Reason = WireNames.TryParse(RequiredString(root, "reason"), out OverrideRefusalReason reason) ? reason : throw new FormatException("Unknown refusal reason."),
                Message = RequiredString(root, "message"),
                Decision = ReadSnapshot(root.GetProperty("decision")),
            },
            EvidenceKind.Outcome => new OutcomeRecord
            {
                Id = id,
                At = at,
                DecisionId = RequiredString(root, "decisionId"),
                Outcome = WireNames.TryParse(RequiredString(root, "outcome"), out OutcomeKind outcome) ? outcome : throw new FormatException("Unknown outcome kind."),
                Note = OptionalString(root, "note"),
            },
            EvidenceKind.DroppedDecisions => new DroppedDecisionsRecord
            {
                Id = id,
                At = at,
                Count = root.GetProperty("count").GetInt64(),
                Since = ParseTime(RequiredString(root, "since")),
            },
            _ => throw new FormatException($"Unknown evidence kind '{kindText}'."),
        };
    }

    private static void WritePolicyOutcomes(Utf8JsonWriter writer, DecisionRecord decision)
    {
        if (decision.PolicyOutcomes is not { } outcomes)
        {
            writer.WriteNull("policyOutcomes");
            return;
        }

        if (outcomes.Count != decision.Policies.Count)
        {
            throw new ArgumentException($"Decision {decision.Id} lists {decision.Policies.Count} policies but {outcomes.Count} policy outcomes; give one outcome per policy.");
        }

        writer.WriteStartArray("policyOutcomes");
        foreach (var outcome in outcomes)
        {
            writer.WriteStringValue(WireNames.Of(outcome));
        }

        writer.WriteEndArray();
    }

    private static void WriteFacts(Utf8JsonWriter writer, DecisionRecord decision)
    {
        if (decision.Facts is not { } facts)
        {
            writer.WriteNull("facts");
            return;
        }

        if (!string.Equals(decision.FactsDigest, facts.Digest, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Decision {decision.Id}'s facts digest {decision.FactsDigest ?? "null"} is not the digest of its facts ({facts.Digest}): the digest must prove exactly the facts stored.");
        }

        // Verbatim: the digest is over these bytes, and they are canonical already.
        writer.WritePropertyName("facts");
        writer.WriteRawValue(facts.Json, skipInputValidation: true);
    }

    private static DecisionRecord ReadDecision(JsonElement root, string id, DateTimeOffset at)
    {
        var policies = root.GetProperty("policies").EnumerateArray().Select(e => e.GetString() ?? throw new FormatException("Null policy id.")).ToArray();
        DecisionOutcome[]? outcomes = null;
        if (root.TryGetProperty("policyOutcomes", out var outcomesElement) && outcomesElement.ValueKind != JsonValueKind.Null)
        {
            outcomes = outcomesElement.EnumerateArray().Select(e => ParseOutcome(e.GetString() ?? "null")).ToArray();
            if (outcomes.Length != policies.Length)
            {
                throw new FormatException($"The decision lists {policies.Length} policies but {outcomes.Length} policy outcomes.");
            }
        }

        return new DecisionRecord
        {
            Id = id,
            At = at,
            Outcome = ParseOutcome(RequiredString(root, "outcome")),
            Policies = policies,
            PolicyOutcomes = outcomes,
            Customer = OptionalString(root, "customer"),
            Staff = OptionalString(root, "staff"),
            Location = OptionalString(root, "location"),
            PolicySetVersion = OptionalString(root, "policySetVersion"),
            FactsDigest = OptionalString(root, "factsDigest"),
            Facts = root.TryGetProperty("facts", out var facts) && facts.ValueKind != JsonValueKind.Null
                ? DecisionFacts.FromStored(facts.GetRawText())
                : null,
        };
    }

    private static void WriteSnapshot(Utf8JsonWriter writer, DecisionSnapshot snapshot)
    {
        writer.WriteStartObject("decision");
        writer.WriteString("decidedAt", FormatTime(snapshot.DecidedAt));
        writer.WriteString("outcome", WireNames.Of(snapshot.Outcome));
        writer.WriteStartArray("policies");
        foreach (var policy in snapshot.Policies ?? throw Missing("Decision.Policies"))
        {
            writer.WriteStartObject();
            writer.WriteString("policyId", Identifier(policy.PolicyId, "PolicyId"));
            writer.WriteString("outcome", WireNames.Of(policy.Outcome));
            writer.WriteString("reason", Text(policy.Reason ?? string.Empty, "Reason"));
            writer.WriteString("overridableBy", WireNames.Of(policy.OverridableBy));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteString("policySetVersion", snapshot.PolicySetVersion);
        writer.WriteString("factsDigest", snapshot.FactsDigest);
        writer.WriteString("customer", OptionalIdentifier(snapshot.Customer, "Customer"));
        writer.WriteString("location", OptionalIdentifier(snapshot.Location, "Location"));
        writer.WriteEndObject();
    }

    private static DecisionSnapshot ReadSnapshot(JsonElement element) => new()
    {
        DecidedAt = ParseTime(RequiredString(element, "decidedAt")),
        Outcome = ParseOutcome(RequiredString(element, "outcome")),
        Policies = element.GetProperty("policies").EnumerateArray().Select(p => new PolicySnapshot(
            RequiredString(p, "policyId"),
            ParseOutcome(RequiredString(p, "outcome")),
            RequiredString(p, "reason"),
            ParseRole(RequiredString(p, "overridableBy")))).ToArray(),
        PolicySetVersion = OptionalString(element, "policySetVersion"),
        FactsDigest = OptionalString(element, "factsDigest"),
        Customer = OptionalString(element, "customer"),
        Location = OptionalString(element, "location"),
    };

    private static DecisionOutcome ParseOutcome(string text) =>
        WireNames.TryParse(text, out DecisionOutcome value) ? value : throw new FormatException($"Unknown decision outcome '{text}'.");

    private static StaffRole ParseRole(string text) =>
        WireNames.TryParse(text, out StaffRole value) ? value : throw new FormatException($"Unknown staff role '{text}'.");

    private static string RequiredString(JsonElement element, string name) =>
        element.GetProperty(name).GetString() ?? throw new FormatException($"Evidence field '{name}' is null.");

    private static string? OptionalString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.GetString() : null;

    /// <summary>
    /// The last guard of every write path: an identifier must already be what <see cref="UnicodeText.Identifier"/>
    /// makes of it (callers normalise; a record built by hand with a look-alike or invisible id is refused here).
    /// </summary>
    private static string Identifier(string? value, string field, int limit = EvidenceLimits.IdentifierLength)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw Missing(field);
        }

        if (!UnicodeText.TryIdentifier(value, field, limit, out var normalized, out var problem))
        {
            throw new ArgumentException($"Evidence record field {problem}.", field);
        }

        return normalized == value
            ? value
            : throw new ArgumentException($"Evidence record field '{field}' is not normalised (trimmed, Unicode form C); normalise ids before recording them.", field);
    }

    private static string? OptionalIdentifier(string? value, string field) => value is null ? null : Identifier(value, field);

    private static string? Text(string? value, string field, int limit = EvidenceLimits.TextLength) =>
        UnicodeText.FitsIn(value, limit) ? value : throw new ArgumentException($"Evidence record field '{field}' is {value!.Length} characters long; it may be at most {limit}.", field);

    private static string Require(string? value, string field) =>
        string.IsNullOrEmpty(value) ? throw Missing(field) : value;

    private static ArgumentException Missing(string field) => new($"Evidence record field '{field}' is required.");
}
