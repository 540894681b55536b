using System.Reflection;
using NRules;
using NRules.Fluent;
using NRules.RuleModel;

namespace PolicyAudit;

/// <summary>
/// A candidate policy set to replay recorded decisions against: policy classes compiled exactly as the engine
/// compiles them. Build one from the classes (<see cref="FromTypes"/>), from an assembly already loaded
/// (<see cref="FromAssembly"/>) or from an assembly file, loaded in a load context of its own (<see cref="LoadFrom"/>).
/// Immutable and thread-safe; a replay creates its own sessions.
/// </summary>
public sealed class ReplayCandidate
{
    private ReplayCandidate(PolicySet set, IReadOnlyList<Type> policyTypes)
    {
        Set = set;
        var definitions = Definitions(policyTypes);
        Reads = MaskedReads.Of(definitions);
        Types = new FactTypes(policyTypes, definitions.Values);
    }

    /// <summary>The candidate's policies, in id order, with their versions.</summary>
    public IReadOnlyList<PolicyDescriptor> Policies => Set.Policies;

    /// <summary>The candidate set's version.</summary>
    public string Version => Set.Version;

    internal PolicySet Set { get; }

    /// <summary>What each policy's conditions read of each fact type, to tell when a masked property is needed.</summary>
    internal MaskedReads Reads { get; }

    /// <summary>The fact types the candidate knows, to rebind stored facts by type name.</summary>
    internal FactTypes Types { get; }

    /// <summary>A candidate of the given policy classes (for example the current set with one policy swapped for its revision).</summary>
    /// <param name="policyTypes">The policy classes.</param>
    /// <returns>The candidate.</returns>
    /// <exception cref="PolicySetException">A class is not a valid policy, two share an id, or the set does not compile.</exception>
    public static ReplayCandidate FromTypes(IEnumerable<Type> policyTypes)
    {
        ArgumentNullException.ThrowIfNull(policyTypes);
        var types = policyTypes.Distinct().ToArray();
        return new ReplayCandidate(PolicySet.Build(types), types);
    }

    /// <summary>A candidate of every policy class of <paramref name="assembly"/>.</summary>
    /// <param name="assembly">The assembly.</param>
    /// <returns>The candidate.</returns>
    /// <exception cref="PolicySetException">The assembly has no policy classes, or they do not compile.</exception>
    public static ReplayCandidate FromAssembly(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        Type[] types;
        try
        {
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException ex)
        {
            var missing = ex.LoaderExceptions.FirstOrDefault()?.Message ?? ex.Message;
            throw new PolicySetException($"The types of {assembly.GetName().Name} cannot all be loaded ({missing}); put its dependencies beside it.", ex);
        }

        var policies = types
            .Where(t => t.IsClass && !t.IsAbstract && typeof(Policy).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToArray();
        if (policies.Length == 0)
        {
            throw new PolicySetException($"{assembly.GetName().Name} has no policy classes (non-abstract classes deriving from PolicyAudit.Policy); build the candidate policies into it, or pass the assembly that has them.");
        }

        return FromTypes(policies);
    }

    /// <summary>
    /// Loads the assembly at <paramref name="path"/> in a load context of its own (its dependencies from beside it,
    /// PolicyAudit and NRules shared with the caller) and makes a candidate of its policy classes.
    /// </summary>
    /// <param name="path">The candidate assembly file.</param>
    /// <returns>The candidate.</returns>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="BadImageFormatException">The file is not a .NET assembly.</exception>
    /// <exception cref="PolicySetException">The assembly has no policy classes, or they do not compile.</exception>
    public static ReplayCandidate LoadFrom(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"There is no candidate assembly at {full}.", full);
        }

        var context = new CandidateLoadContext(full);
        return FromAssembly(context.LoadFromAssemblyPath(full));
    }

    // NRules' own model of each policy, loaded as the engine loads it, keyed by policy id: what the conditions read.
    private static Dictionary<string, IRuleDefinition> Definitions(IReadOnlyList<Type> policyTypes)
    {
        var repository = new RuleRepository();
        repository.Load(spec => spec.From(scan => scan.Type([.. policyTypes]).PrivateTypes().NestedTypes()));
        var definitions = new Dictionary<string, IRuleDefinition>(StringComparer.Ordinal);
        foreach (var definition in repository.GetRules())
        {
            if (definition.Properties[RuleProperties.ClrType] is Type type && Policy.PolicyAttributeOf(type) is { } attribute)
            {
                definitions[attribute.Id] = definition;
            }
        }

        return definitions;
    }
}
