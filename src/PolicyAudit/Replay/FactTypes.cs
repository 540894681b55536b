using System.Reflection;
using NRules.RuleModel;

namespace PolicyAudit;

/// <summary>
/// The fact types a candidate knows, to rebind a stored fact by its type name: the types its policies' patterns match
/// and every type of the candidate's assemblies, by full name first, then by simple name when only one type has it.
/// Thread-safe (read-only after construction; the lookup cache is concurrent).
/// </summary>
internal sealed class FactTypes
{
    private readonly Dictionary<string, Type> _byFullName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Type?> _bySimpleName = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Type?> _resolved = new(StringComparer.Ordinal);

    public FactTypes(IEnumerable<Type> policyTypes, IEnumerable<IRuleDefinition> definitions)
    {
        var known = definitions.SelectMany(RuleExpressions.PatternTypesOf)
            .Concat(policyTypes.Select(t => t.Assembly).Distinct().SelectMany(LoadableTypes))
            .Where(t => t.FullName is not null && !typeof(Policy).IsAssignableFrom(t));
        foreach (var type in known.Distinct())
        {
            _byFullName.TryAdd(type.FullName!, type);
            var simple = SimpleName(type.FullName!);
            // Two types with one simple name make it ambiguous: such a name rebinds nothing.
            _bySimpleName[simple] = _bySimpleName.TryGetValue(simple, out var other) && other != type ? null : type;
        }
    }

    /// <summary>The candidate's type for a stored type name; null when there is none, or only an ambiguous simple name.</summary>
    public Type? Resolve(string storedName) => _resolved.GetOrAdd(storedName, name =>
        _byFullName.TryGetValue(name, out var type) ? type : _bySimpleName.GetValueOrDefault(SimpleName(name)));

    private static string SimpleName(string fullName) => fullName[(fullName.LastIndexOfAny(['.', '+']) + 1)..];

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException ex)
        {
            return ex.Types.OfType<Type>();
        }
    }
}
