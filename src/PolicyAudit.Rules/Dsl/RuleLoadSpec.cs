using System.Reflection;

namespace PolicyAudit.Rules;

/// <summary>Records a load request.</summary>
internal sealed class RuleLoadSpec(Func<Type, Rule>? activator) : IRuleLoadSpec
{
    public List<Type> Types { get; } = [];

    public List<Rule> Instances { get; } = [];

    public List<Func<IRuleMetadata, bool>> Filters { get; } = [];

    public Func<Type, Rule>? Activator { get; private set; } = activator;

    public IRuleLoadSpec From(params Assembly[] assemblies)
    {
        ArgumentNullException.ThrowIfNull(assemblies);
        foreach (var assembly in assemblies)
        {
            ArgumentNullException.ThrowIfNull(assembly, nameof(assemblies));
            Types.AddRange(RuleTypesIn(assembly));
        }

        return this;
    }

    public IRuleLoadSpec From(IEnumerable<Type> ruleTypes)
    {
        ArgumentNullException.ThrowIfNull(ruleTypes);
        foreach (var type in ruleTypes)
        {
            ArgumentNullException.ThrowIfNull(type, nameof(ruleTypes));
            if (!typeof(Rule).IsAssignableFrom(type) || type.IsAbstract || type.IsGenericTypeDefinition)
            {
                throw new ArgumentException($"{type.FullName} is not a concrete class deriving from {typeof(Rule).FullName}.", nameof(ruleTypes));
            }

            Types.Add(type);
        }

        return this;
    }

    public IRuleLoadSpec From(params Type[] ruleTypes) => From((IEnumerable<Type>)ruleTypes);

    public IRuleLoadSpec From(params Rule[] rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        foreach (var rule in rules)
        {
            ArgumentNullException.ThrowIfNull(rule, nameof(rules));
            Instances.Add(rule);
        }

        return this;
    }

    public IRuleLoadSpec Where(Func<IRuleMetadata, bool> filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        Filters.Add(filter);
        return this;
    }

    public IRuleLoadSpec Using(Func<Type, Rule> activator)
    {
        ArgumentNullException.ThrowIfNull(activator);
        Activator = activator;
        return this;
    }

    private static IEnumerable<Type> RuleTypesIn(Assembly assembly)
    {
        Type?[] types;
        try
        {
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException ex)
        {
            types = ex.Types;
        }

        return types
            .Where(t => t is not null && typeof(Rule).IsAssignableFrom(t) && !t.IsAbstract && !t.IsGenericTypeDefinition)
            .Select(t => t!)
            .OrderBy(t => t.FullName, StringComparer.Ordinal);
    }
}
