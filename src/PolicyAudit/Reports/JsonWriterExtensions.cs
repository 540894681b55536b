using System.Text.Json;

namespace PolicyAudit;

/// <summary>Writing helpers shared by the JSON outputs of the library and the <c>policyaudit</c> tool.</summary>
internal static class JsonWriterExtensions
{
    /// <summary>Writes <paramref name="values"/> as a JSON array of strings named <paramref name="name"/>.</summary>
    public static void WriteStringArray(this Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
