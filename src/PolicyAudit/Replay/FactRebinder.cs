using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PolicyAudit;

/// <summary>
/// Turns a decision's stored facts back into objects of the candidate's types. The stored JSON is read once, straight
/// into the candidate's types; a masked property keeps its pseudonym where the type takes a string and its default
/// where a pseudonym cannot go (read again with masked properties left out). Either way a policy that reads a masked
/// property is reported, never trusted, so a pseudonym never decides as if it were the value. Not thread-safe: one
/// replay owns it.
/// </summary>
internal sealed class FactRebinder(FactTypes types)
{
    private static readonly JsonSerializerOptions ReadOptions = FactMasking.CreateOptions(null);
    private static readonly IReadOnlyList<string> NoneMasked = [];

    /// <summary>Rebinds every fact, or says why the decision cannot be replayed.</summary>
    /// <param name="facts">The stored facts.</param>
    /// <param name="bound">Gets the objects, with their stored masked paths.</param>
    /// <returns>Null when all were rebound; otherwise the gap.</returns>
    public ReplayGap? TryRebind(DecisionFacts facts, List<(object Fact, IReadOnlyList<string> Masked)> bound)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(facts.Json.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(facts.Json, buffer);
            bound.Clear();
            return Read(buffer.AsSpan(0, length), bound);
        }
        catch (Exception ex) when (IsUnreadable(ex))
        {
            // Usually a pseudonym where the candidate's property is not a string: read it again without the masked ones.
            return ReadWithoutMasked(facts, bound);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static bool IsUnreadable(Exception ex) =>
        ex is JsonException or NotSupportedException or InvalidOperationException or ArgumentException or FormatException;

    // The stored entries are written type first (the engine and the importer both do), so each value is read
    // straight into its type without building a document.
    private ReplayGap? Read(ReadOnlySpan<byte> json, List<(object Fact, IReadOnlyList<string> Masked)> bound)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            Type? type = null;
            object? fact = null;
            List<string>? masked = null;
            var omitted = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("type"u8))
                {
                    reader.Read();
                    type = types.Resolve(reader.GetString()!);
                    if (type is null)
                    {
                        return ReplayGap.TypeNotFound;
                    }
                }
                else if (reader.ValueTextEquals("value"u8))
                {
                    reader.Read();
                    fact = type is null
                        ? throw new JsonException("A stored fact's value comes before its type.")
                        : JsonSerializer.Deserialize(ref reader, type, ReadOptions) ?? throw new JsonException("A stored fact's value is null.");
                }
                else if (reader.ValueTextEquals("masked"u8))
                {
                    reader.Read();
                    masked = [];
                    while (reader.Read() && reader.TokenType == JsonTokenType.String)
                    {
                        masked.Add(reader.GetString()!);
                    }
                }
                else
                {
                    omitted |= reader.ValueTextEquals("omitted"u8);
                    reader.Read();
                    reader.Skip();
                }
            }

            if (omitted)
            {
                return ReplayGap.FactsCut;
            }

            bound.Add((fact ?? throw new JsonException("A stored fact has no value."), masked ?? NoneMasked));
        }

        return null;
    }

    private ReplayGap? ReadWithoutMasked(DecisionFacts facts, List<(object Fact, IReadOnlyList<string> Masked)> bound)
    {
        bound.Clear();
        foreach (var item in facts.Items)
        {
            if (item.Value is not { } value)
            {
                return ReplayGap.FactsCut;
            }

            if (types.Resolve(item.Type) is not { } type)
            {
                return ReplayGap.TypeNotFound;
            }

            try
            {
                var node = JsonNode.Parse(value.GetRawText())!;
                foreach (var path in item.Masked)
                {
                    Remove(node, path.Split('.'), 0);
                }

                bound.Add((node.Deserialize(type, ReadOptions) ?? throw new JsonException("A stored fact's value is null."), item.Masked));
            }
            catch (Exception ex) when (IsUnreadable(ex))
            {
                return ReplayGap.FactUnreadable;
            }
        }

        return null;
    }

    // Items of a collection share their collection's path, so the walk goes through arrays.
    private static void Remove(JsonNode? node, string[] path, int depth)
    {
        switch (node)
        {
            case JsonArray array:
                foreach (var item in array)
                {
                    Remove(item, path, depth);
                }

                break;
            case JsonObject obj when depth == path.Length - 1:
                obj.Remove(path[depth]);
                break;
            case JsonObject obj:
                Remove(obj[path[depth]], path, depth + 1);
                break;
        }
    }
}
