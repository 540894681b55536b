using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace PolicyAudit;

/// <summary>
/// The facts a decision was made on, exactly as stored in its evidence record: canonical, compact JSON, an array of
/// <c>{"type": "Ns.Type", "value": {...}, "masked": [...]}</c>, one entry per fact in the order passed to the engine
/// (the <see cref="ServiceContext"/> aside). <see cref="Digest"/> is the SHA-256 of these bytes, so the record's
/// facts digest proves these facts and nothing else. Immutable and thread-safe.
/// </summary>
public sealed class DecisionFacts : IEquatable<DecisionFacts>
{
    internal const string OmittedTooLarge = "too-large";
    internal const string OmittedNotSerializable = "not-serializable";

    private static readonly string[] EntryFields = ["type", "value", "masked", "omitted"];

    private IReadOnlyList<DecisionFact>? _items;
    private string? _digest;

    private DecisionFacts(string json, string? digest, IReadOnlyList<DecisionFact>? items)
    {
        Json = json;
        _digest = digest;
        _items = items;
    }

    /// <summary>The stored JSON text.</summary>
    public string Json { get; }

    /// <summary>The SHA-256 of <see cref="Json"/> (UTF-8), lower-case hex.</summary>
    /// <remarks>Computed on first use for facts read from a store: reading evidence does not need it, verifying does.</remarks>
    public string Digest => _digest ??= DigestOf(Encoding.UTF8.GetBytes(Json));

    /// <summary>The facts, in the order passed to the engine.</summary>
    /// <remarks>Read on first use: the engine stores facts without reading them back.</remarks>
    public IReadOnlyList<DecisionFact> Items => _items ??= ReadItems(Json);

    /// <summary>True when a fact's value was left out (too large, or not serializable): the facts are incomplete.</summary>
    public bool IsCut => Items.Any(i => i.Omitted is not null);

    /// <summary>Reads stored facts.</summary>
    /// <param name="json">The JSON text, as stored.</param>
    /// <returns>The facts.</returns>
    /// <exception cref="FormatException"><paramref name="json"/> is not an array of fact entries.</exception>
    public static DecisionFacts Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return new DecisionFacts(json, DigestOf(Encoding.UTF8.GetBytes(json)), ReadItems(json));
    }

    /// <summary>The SHA-256 of facts as stored, lower-case hex.</summary>
    internal static string DigestOf(ReadOnlySpan<byte> utf8Json)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(utf8Json, hash);
        return Hex.Lower(hash);
    }

    /// <summary>Facts read from a stored record: digested and read (and checked) on first use.</summary>
    internal static DecisionFacts FromStored(string json) => new(json, null, null);

    /// <summary>Facts the engine wrote itself, already canonical and digested: not read back until asked.</summary>
    internal static DecisionFacts FromCanonical(ReadOnlySpan<byte> utf8Json, string digest) => new(Encoding.UTF8.GetString(utf8Json), digest, null);

    /// <summary>Writes one stored entry; <paramref name="value"/> is the fact's compact JSON.</summary>
    internal static void WriteEntry(Utf8JsonWriter writer, string type, ReadOnlySpan<byte> value, IReadOnlyList<string> masked)
    {
        writer.WriteStartObject();
        writer.WriteString("type", type);
        writer.WritePropertyName("value");
        writer.WriteRawValue(value, skipInputValidation: true);
        if (masked.Count > 0)
        {
            writer.WriteStartArray("masked");
            foreach (var path in masked)
            {
                writer.WriteStringValue(path);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes the entry of a fact whose value was left out, and why.</summary>
    internal static void WriteOmitted(Utf8JsonWriter writer, string type, string reason)
    {
        writer.WriteStartObject();
        writer.WriteString("type", type);
        writer.WriteString("omitted", reason);
        writer.WriteEndObject();
    }

    /// <summary>An entry's <c>masked</c> paths (none when absent); the messages say what is wrong, in the caller's words.</summary>
    /// <exception cref="FormatException"><c>masked</c> is not an array of non-blank strings.</exception>
    internal static List<string> ReadMasked(JsonElement entry, string notAnArray, string notAPath)
    {
        var masked = new List<string>();
        if (!entry.TryGetProperty("masked", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return masked;
        }

        if (element.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException(notAnArray);
        }

        foreach (var path in element.EnumerateArray())
        {
            masked.Add(path.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(path.GetString()) ? path.GetString()! : throw new FormatException(notAPath));
        }

        return masked;
    }

    /// <inheritdoc />
    public bool Equals(DecisionFacts? other) => other is not null && string.Equals(Json, other.Json, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as DecisionFacts);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Json);

    /// <inheritdoc />
    public override string ToString() => Json;

    private static List<DecisionFact> ReadItems(string json)
    {
        JsonElement root;
        try
        {
            // Cloned so the items' values outlive the document and no pooled memory is held.
            using var document = JsonDocument.Parse(json);
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new FormatException($"Stored facts are not valid JSON: {ex.Message}", ex);
        }

        if (root.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("Stored facts must be a JSON array of {type, value} entries.");
        }

        var items = new List<DecisionFact>(root.GetArrayLength());
        var index = 0;
        foreach (var entry in root.EnumerateArray())
        {
            items.Add(ParseEntry(entry, index++));
        }

        return items;
    }

    private static DecisionFact ParseEntry(JsonElement entry, int index)
    {
        if (entry.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"Stored fact {index} is not a JSON object.");
        }

        foreach (var property in entry.EnumerateObject())
        {
            if (!EntryFields.Contains(property.Name, StringComparer.Ordinal))
            {
                throw new FormatException($"Stored fact {index} has an unknown field '{property.Name}'.");
            }
        }

        var type = entry.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(t.GetString())
            ? t.GetString()!
            : throw new FormatException($"Stored fact {index} has no type name.");
        JsonElement? value = entry.TryGetProperty("value", out var v) && v.ValueKind != JsonValueKind.Null ? v : null;
        string? omitted = null;
        if (entry.TryGetProperty("omitted", out var o) && o.ValueKind != JsonValueKind.Null)
        {
            omitted = o.ValueKind == JsonValueKind.String && o.GetString() is OmittedTooLarge or OmittedNotSerializable
                ? o.GetString()
                : throw new FormatException($"Stored fact {index} ({type}) was omitted for an unknown reason.");
        }

        if ((value is null) == (omitted is null))
        {
            throw new FormatException($"Stored fact {index} ({type}) must have either a value or the reason it was omitted.");
        }

        var masked = ReadMasked(
            entry,
            $"Stored fact {index} ({type}): 'masked' must be an array of property paths.",
            $"Stored fact {index} ({type}): 'masked' must hold property paths (strings).");

        return new DecisionFact(type, value, masked, omitted);
    }
}
