using System.Reflection;

namespace PolicyAudit.Rules;

/// <summary>Loads rules (from assemblies, classes or instances), shows their definitions and compiles them into a
/// session factory. Not thread-safe: load and compile from one thread, then share the immutable
/// <see cref="ISessionFactory"/>.</summary>
/// <example><code>
/// var repository = new RuleRepository();
/// repository.Load(x => x.From(typeof(BigOrderDiscount).Assembly).Where(r => r.IsTagged("pricing")));
/// ISessionFactory factory = repository.Compile();
/// </code></example>
public sealed class RuleRepository
{
    private readonly Func<Type, Rule>? _defaultActivator;
    private readonly List<(Rule Rule, RuleMetadata Metadata)> _rules = [];
    private readonly HashSet<Type> _loadedTypes = [];
    private IReadOnlyList<RuleDefinition>? _definitions;

    /// <summary>Creates an empty repository whose rule classes are created with their parameterless constructor.</summary>
    public RuleRepository()
    {
    }

    /// <summary>Creates an empty repository whose rule classes are created by a function (for example from a DI container).</summary>
    /// <param name="ruleActivator">Creates a rule of the given class.</param>
    public RuleRepository(Func<Type, Rule> ruleActivator)
    {
        ArgumentNullException.ThrowIfNull(ruleActivator);
        _defaultActivator = ruleActivator;
    }

    /// <summary>Loads rules as the spec says.</summary>
    /// <param name="specAction">Fills in sources, filters and activator.</param>
    /// <returns>This repository.</returns>
    /// <exception cref="RuleCompilationException">A rule class cannot be instantiated.</exception>
    public RuleRepository Load(Action<IRuleLoadSpec> specAction)
    {
        ArgumentNullException.ThrowIfNull(specAction);
        var spec = new RuleLoadSpec(_defaultActivator);
        specAction(spec);
        foreach (var type in spec.Types)
        {
            var metadata = RuleMetadata.FromType(type);
            if (_loadedTypes.Contains(type) || !spec.Filters.All(f => f(metadata)))
            {
                continue;
            }

            Add(Instantiate(type, metadata, spec.Activator), metadata);
            _loadedTypes.Add(type);
        }

        foreach (var rule in spec.Instances)
        {
            var metadata = RuleMetadata.FromType(rule.GetType());
            if (spec.Filters.All(f => f(metadata)))
            {
                Add(rule, metadata);
            }
        }

        return this;
    }

    /// <summary>Loads every non-abstract rule class in the assemblies.</summary>
    /// <param name="assemblies">The assemblies to scan.</param>
    /// <returns>This repository.</returns>
    public RuleRepository Load(params Assembly[] assemblies) => Load(x => x.From(assemblies));

    /// <summary>Loads rule classes.</summary>
    /// <param name="ruleTypes">Types deriving from <see cref="Rule"/>.</param>
    /// <returns>This repository.</returns>
    public RuleRepository Load(IEnumerable<Type> ruleTypes) => Load(x => x.From(ruleTypes));

    /// <summary>Loads ready-made rule instances.</summary>
    /// <param name="rules">The rules.</param>
    /// <returns>This repository.</returns>
    public RuleRepository Load(params Rule[] rules) => Load(x => x.From(rules));

    /// <summary>Defines every loaded rule and returns its model, in load order.</summary>
    /// <returns>The rule definitions.</returns>
    /// <exception cref="RuleCompilationException">A rule is invalid; the message names it.</exception>
    public IReadOnlyList<IRuleDefinition> GetRules() => Definitions();

    /// <summary>Compiles the loaded rules into a session factory.</summary>
    /// <returns>An immutable, thread-safe factory of sessions.</returns>
    /// <exception cref="RuleCompilationException">A rule is invalid; the message names it.</exception>
    public ISessionFactory Compile() => Compile(new CompilerOptions());

    internal ISessionFactory Compile(CompilerOptions options) =>
        new SessionFactory(new NetworkBuilder(options).Build(Definitions()));

    private IReadOnlyList<RuleDefinition> Definitions()
    {
        if (_definitions is not null)
        {
            return _definitions;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var definitions = new List<RuleDefinition>(_rules.Count);
        foreach (var (rule, metadata) in _rules)
        {
            if (!names.Add(metadata.Name))
            {
                throw new RuleCompilationException(metadata.Name, "another loaded rule has the same name; rule names must be unique.");
            }

            definitions.Add(rule.Build(metadata));
        }

        _definitions = definitions;
        return definitions;
    }

    private void Add(Rule rule, RuleMetadata metadata)
    {
        if (rule.NameOfInstance is { Length: > 0 } name)
        {
            metadata = new RuleMetadata(name, metadata.Description, metadata.Tags, metadata.Priority, metadata.Repeatability, metadata.RuleType);
        }

        _rules.Add((rule, metadata));
        _definitions = null;
    }

    private static Rule Instantiate(Type type, RuleMetadata metadata, Func<Type, Rule>? activator)
    {
        try
        {
            if (activator is not null)
            {
                return activator(type) ?? throw new InvalidOperationException("the rule activator returned null");
            }

            if (type.GetConstructor(Type.EmptyTypes) is null)
            {
                throw new InvalidOperationException("it has no parameterless constructor; load it with an activator (Using) or as an instance");
            }

            return (Rule)Activator.CreateInstance(type)!;
        }
        catch (Exception ex) when (ex is not RuleEngineException)
        {
            var error = ex is TargetInvocationException { InnerException: { } inner } ? inner : ex;
            throw new RuleCompilationException(metadata.Name, $"the rule class {type.FullName} could not be created: {error.Message}", error);
        }
    }
}
