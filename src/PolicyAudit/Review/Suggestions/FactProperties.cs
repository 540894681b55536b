using System.Globalization;
using System.Text.Json;

namespace PolicyAudit;

/// <summary>
/// Flattens a stored fact's JSON into the properties a suggestion may name: <c>Type.Property</c> (nested objects as
/// <c>Type.Property.Inner</c>, a few levels deep) with numbers, times of day, strings, enum names and booleans. Masked properties are
/// passed over whole: a pseudonym's text must never become a condition. Arrays, nulls and long free text are passed
/// over too: they do not make a condition a policy could state. Stateless and thread-safe.
/// </summary>
internal static class FactProperties
{
    private const int MaxDepth = 3;
    private const int MaxTextLength = 64;
    private static readonly string[] TimeFormats = ["HH:mm:ss", "HH:mm:ss.FFFFFFF", "HH:mm"];

    /// <summary>Adds the properties of one fact to <paramref name="into"/>; a path seen before in the same decision keeps its first value.</summary>
    /// <param name="type">The fact's type name (full name; only the simple name is used).</param>
    /// <param name="value">The stored value, a JSON object.</param>
    /// <param name="masked">Paths of masked properties, relative to the fact.</param>
    /// <param name="into">The decision's properties so far.</param>
    public static void Add(string type, JsonElement value, IReadOnlyList<string> masked, Dictionary<string, FactValue> into)
    {
        if (value.ValueKind == JsonValueKind.Object)
        {
            Walk(SimpleName(type), null, value, masked, into, 0);
        }
    }

    internal static string SimpleName(string type)
    {
        var generic = type.IndexOf('`', StringComparison.Ordinal);
        var name = generic >= 0 ? type[..generic] : type;
        return name[(name.LastIndexOfAny(['.', '+']) + 1)..];
    }

    private static void Walk(string prefix, string? relative, JsonElement element, IReadOnlyList<string> masked, Dictionary<string, FactValue> into, int depth)
    {
        foreach (var property in element.EnumerateObject())
        {
            var path = relative is null ? property.Name : relative + "." + property.Name;
            if (IsMasked(path, masked))
            {
                continue;
            }

            var key = prefix + "." + path;
            var item = property.Value;
            switch (item.ValueKind)
            {
                case JsonValueKind.Object when depth + 1 < MaxDepth:
                    Walk(prefix, path, item, masked, into, depth + 1);
                    break;
                case JsonValueKind.Number when item.TryGetDouble(out var number) && double.IsFinite(number):
                    into.TryAdd(key, FactValue.Of(number));
                    break;
                case JsonValueKind.String when item.GetString() is { Length: > 0 and <= MaxTextLength } text:
                    into.TryAdd(key, IsTimeOfDay(text, out var time) ? FactValue.Of(time) : FactValue.Of(text, quoted: true));
                    break;
                case JsonValueKind.True or JsonValueKind.False:
                    into.TryAdd(key, FactValue.Of(item.ValueKind == JsonValueKind.True ? "true" : "false", quoted: false));
                    break;
            }
        }
    }

    // Times of day are what service policies are made of ("no seating after 22:00"): a threshold on them reads as policy.
    private static bool IsTimeOfDay(string text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    // A masked property or anything inside it; an object that merely holds a masked member is walked, and the
    // member is passed over when reached.
    private static bool IsMasked(string path, IReadOnlyList<string> masked)
    {
        foreach (var m in masked)
        {
            if (path.Equals(m, StringComparison.Ordinal) || (path.StartsWith(m, StringComparison.Ordinal) && path.Length > m.Length && path[m.Length] == '.'))
            {
                return true;
            }
        }

        return false;
    }
}
