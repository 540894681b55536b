using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace PolicyAudit;

/// <summary>
/// The SHA-256 digest of a decision's facts: each fact as its full type name followed by its public properties in
/// compact JSON, in the order given. Equal facts give equal digests, so two decisions can be shown to rest on the
/// same facts without storing them. Thread-safe; the serializer caches each type's contract after first use.
/// </summary>
internal static class FactsDigest
{
    private static readonly JsonSerializerOptions Options = new()
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        WriteIndented = false,
        Converters = { new JsonStringEnumConverter() },
    };

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    public static string Compute(object[] facts)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.Clear();
        var writer = t_writer ??= new Utf8JsonWriter(buffer);
        writer.Reset(buffer);
        try
        {
            Write(writer, facts, serializeSeparately: false);
        }
        catch (Exception ex) when (ex is NotSupportedException or InvalidOperationException or JsonException)
        {
            // A fact the serializer cannot represent (a cycle, a delegate, a pointer) left the writer mid-value: start again,
            // serializing fact by fact so the unrepresentable one can fall back to its text.
            buffer.Clear();
            writer.Reset(buffer);
            Write(writer, facts, serializeSeparately: true);
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(buffer.WrittenSpan, hash);
        if (buffer.Capacity > 64 * 1024)
        {
            // Do not let one huge fact pin a large buffer to the thread for ever.
            t_buffer = null;
            t_writer = null;
        }

        return Hex.Lower(hash);
    }

    private static void Write(Utf8JsonWriter writer, object[] facts, bool serializeSeparately)
    {
        writer.WriteStartArray();
        foreach (var fact in facts)
        {
            var type = fact.GetType();
            writer.WriteStartObject();
            writer.WriteString("type", type.FullName);
            writer.WritePropertyName("value");
            if (!serializeSeparately)
            {
                JsonSerializer.Serialize(writer, fact, type, Options);
            }
            else
            {
                try
                {
                    writer.WriteRawValue(JsonSerializer.SerializeToUtf8Bytes(fact, type, Options), skipInputValidation: true);
                }
                catch (Exception ex) when (ex is NotSupportedException or InvalidOperationException or JsonException)
                {
                    writer.WriteStringValue(fact.ToString());
                }
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.Flush();
    }
}
