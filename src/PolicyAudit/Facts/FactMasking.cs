using System.Collections.Concurrent;
using System.Reflection;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace PolicyAudit;

/// <summary>
/// The JSON contract facts are stored with: public properties in ordinal name order (canonical whatever the
/// declaration order), enums by name, cycles cut, and every property marked <see cref="RedactAttribute"/> or
/// configured with <see cref="PolicyAuditOptions.Redact{TFact}"/> replaced by its keyed pseudonym or left out.
/// Without a key a pseudonym cannot be made, so the value is left out: a raw value is never written.
/// Thread-safe: the serializer caches each type's contract; the masked paths are cached per type.
/// </summary>
internal sealed class FactMasking
{
    private const int MaxPathDepth = 8;

    private readonly IReadOnlyList<(Type FactType, string Property, Redaction How)> _configured;
    private readonly byte[]? _key;
    private readonly ConcurrentDictionary<Type, string[]> _maskedByType = new();
    private readonly ConcurrentDictionary<Type, string[]> _maskedPaths = new();

    public FactMasking(IReadOnlyList<(Type FactType, string Property, Redaction How)> configured, byte[]? key)
    {
        _configured = configured;
        _key = key;
        Plain = CreateOptions(null);
        Options = CreateOptions(Mask);
    }

    /// <summary>Serializes facts as stored.</summary>
    public JsonSerializerOptions Options { get; }

    /// <summary>The same contract without masking: what a pseudonym is computed over.</summary>
    public JsonSerializerOptions Plain { get; }

    /// <summary>The paths of the masked properties reachable from <paramref name="type"/> (<c>Email</c>, <c>Contact.Phone</c>).</summary>
    public string[] MaskedPaths(Type type) => _maskedPaths.GetOrAdd(type, t => CollectPaths(t, prefix: null, depth: 0, []).ToArray());

    /// <summary>The options facts are read back with (replay): the same names and enum form, nothing masked.</summary>
    public static JsonSerializerOptions CreateOptions(Action<JsonTypeInfo>? modifier)
    {
        var resolver = new DefaultJsonTypeInfoResolver();
        resolver.Modifiers.Add(SortProperties);
        if (modifier is not null)
        {
            resolver.Modifiers.Add(modifier);
        }

        return new JsonSerializerOptions
        {
            TypeInfoResolver = resolver,
            WriteIndented = false,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            ReferenceHandler = ReferenceHandler.IgnoreCycles,
            Converters = { new JsonStringEnumConverter() },
        };
    }

    // Canonical: the stored text, and so the digest, does not depend on the order properties are declared in.
    private static void SortProperties(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object || typeInfo.Properties.Count < 2)
        {
            return;
        }

        var sorted = typeInfo.Properties.OrderBy(p => p.Name, StringComparer.Ordinal).ToArray();
        typeInfo.Properties.Clear();
        foreach (var property in sorted)
        {
            typeInfo.Properties.Add(property);
        }
    }

    private void Mask(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        var masked = new List<string>();
        for (var i = typeInfo.Properties.Count - 1; i >= 0; i--)
        {
            var property = typeInfo.Properties[i];
            if (RedactionOf(typeInfo.Type, property) is not { } how)
            {
                continue;
            }

            masked.Add(property.Name);
            if (how == Redaction.Drop || _key is null || property.Get is null)
            {
                typeInfo.Properties.RemoveAt(i);
                continue;
            }

            var get = property.Get;
            var pseudonym = typeInfo.CreateJsonPropertyInfo(typeof(string), property.Name);
            pseudonym.Get = owner => get(owner) is { } value ? Pseudonym(value) : null;
            typeInfo.Properties[i] = pseudonym;
        }

        _maskedByType[typeInfo.Type] = masked.Count == 0 ? [] : [.. masked.OrderBy(n => n, StringComparer.Ordinal)];
    }

    private Redaction? RedactionOf(Type owner, JsonPropertyInfo property)
    {
        if (property.AttributeProvider is PropertyInfo info
            && Attribute.GetCustomAttribute(info, typeof(RedactAttribute), inherit: true) is RedactAttribute attribute)
        {
            return attribute.How;
        }

        var name = (property.AttributeProvider as MemberInfo)?.Name ?? property.Name;
        foreach (var (factType, configured, how) in _configured)
        {
            if (string.Equals(configured, name, StringComparison.Ordinal) && factType.IsAssignableFrom(owner))
            {
                return how;
            }
        }

        return null;
    }

    // HMAC-SHA256 over the value's unmasked canonical JSON, so equal values of any type give equal pseudonyms; 128 of
    // the 256 bits are kept, plenty to tell values apart and half the bytes in every stored fact.
    private string Pseudonym(object value)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), Plain);
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(_key, json, mac);
        return "hmac:" + Hex.Lower(mac[..16]);
    }

    // The type of a collection's items or a dictionary's values (JsonTypeInfo.ElementType is not on net8.0).
    private static Type? ElementTypeOf(Type collection)
    {
        if (collection.IsArray)
        {
            return collection.GetElementType();
        }

        Type? items = null;
        foreach (var contract in collection.IsInterface ? [collection, .. collection.GetInterfaces()] : collection.GetInterfaces())
        {
            if (!contract.IsGenericType)
            {
                continue;
            }

            var definition = contract.GetGenericTypeDefinition();
            if (definition == typeof(IDictionary<,>) || definition == typeof(IReadOnlyDictionary<,>))
            {
                return contract.GetGenericArguments()[1];
            }

            if (definition == typeof(IEnumerable<>))
            {
                items = contract.GetGenericArguments()[0];
            }
        }

        return items;
    }

    private IEnumerable<string> CollectPaths(Type type, string? prefix, int depth, HashSet<Type> visiting)
    {
        if (depth > MaxPathDepth || !visiting.Add(type))
        {
            yield break;
        }

        var info = Options.GetTypeInfo(type);
        var target = info.Kind is JsonTypeInfoKind.Enumerable or JsonTypeInfoKind.Dictionary ? ElementTypeOf(type) : type;
        if (target is not null && target != type)
        {
            foreach (var path in CollectPaths(target, prefix, depth + 1, visiting))
            {
                yield return path;
            }
        }
        else if (info.Kind == JsonTypeInfoKind.Object)
        {
            var masked = _maskedByType.GetValueOrDefault(type, []);
            foreach (var name in masked)
            {
                yield return prefix is null ? name : prefix + "." + name;
            }

            foreach (var property in info.Properties)
            {
                if (!masked.Contains(property.Name, StringComparer.Ordinal) && property.PropertyType != typeof(object))
                {
                    foreach (var path in CollectPaths(property.PropertyType, prefix is null ? property.Name : prefix + "." + property.Name, depth + 1, visiting))
                    {
                        yield return path;
                    }
                }
            }
        }

        visiting.Remove(type);
    }
}
