using System.Text.Json;
using System.Text.Json.Nodes;

namespace PolicyAudit;

/// <summary>
/// Turns a decision's stored facts back into objects of the candidate's types. Masked properties are left at their
/// defaults (a policy that reads one is reported, not trusted), so a pseudonym never reaches a condition as if it
/// were the value. Not thread-safe: one replay owns it.
/// </summary>
internal sealed class FactRebinder(FactTypes types)
{
    private static readonly JsonSerializerOptions ReadOptions = FactMasking.CreateOptions(null);

    /// <summary>Rebinds every fact, or says why the decision cannot be replayed.</summary>
    /// <param name="facts">The stored facts.</param>
    /// <param name="bound">Gets the objects, with their stored masked paths.</param>
    /// <returns>Null when all were rebound; otherwise the gap.</returns>
    public ReplayGap? TryRebind(DecisionFacts facts, List<(object Fact, IReadOnlyList<string> Masked)> bound)
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
                var fact = item.Masked.Count == 0
                    ? value.Deserialize(type, ReadOptions)
                    : WithoutMasked(value, item.Masked).Deserialize(type, ReadOptions);
                if (fact is null)
                {
                    return ReplayGap.FactUnreadable;
                }

                bound.Add((fact, item.Masked));
            }
            catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException or ArgumentException or FormatException)
            {
                return ReplayGap.FactUnreadable;
            }
        }

        return null;
    }

    private static JsonNode WithoutMasked(JsonElement value, IReadOnlyList<string> masked)
    {
        var node = JsonNode.Parse(value.GetRawText())!;
        foreach (var path in masked)
        {
            Remove(node, path.Split('.'), 0);
        }

        return node;
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
