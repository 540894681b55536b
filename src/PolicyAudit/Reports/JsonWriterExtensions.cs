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

    /// <summary>
    /// Writes <paramref name="window"/> as an object named <c>window</c> with <c>from</c> and <c>to</c> in report time
    /// format, <c>null</c> for an open end: the report and the replay describe their windows alike.
    /// </summary>
    public static void WriteWindow(this Utf8JsonWriter json, EvidenceWindow window)
    {
        json.WriteStartObject("window");
        json.WriteString("from", window.From is { } from ? ReportText.Time(from) : null);
        json.WriteString("to", window.To is { } to ? ReportText.Time(to) : null);
        json.WriteEndObject();
    }
}
