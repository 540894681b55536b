using System.Security.Cryptography;
using System.Text;
using NRules;
using NRules.Extensibility;
using NRules.Fluent;
using NRules.RuleModel;

namespace PolicyAudit;

/// <summary>
/// The compiled policy set: every policy's metadata and version, the set's version and the session factory the
/// engine evaluates with. Built once, at start-up; immutable and thread-safe afterwards.
/// </summary>
internal sealed class PolicySet
{
    private readonly Dictionary<string, PolicyDescriptor> _byId;
    private readonly Dictionary<string, string> _idByRuleName;

    private PolicySet(IReadOnlyList<PolicyDescriptor> policies, string version, ISessionFactory sessions, Dictionary<string, string> idByRuleName, IReadOnlyList<PolicyDependency> dependencies)
    {
        Policies = policies;
        Version = version;
        Sessions = sessions;
        Dependencies = dependencies;
        _idByRuleName = idByRuleName;
        _byId = policies.ToDictionary(p => p.Id, StringComparer.Ordinal);
    }

    /// <summary>The policies, in id order.</summary>
    public IReadOnlyList<PolicyDescriptor> Policies { get; }

    /// <summary>The set's version: a hash of every policy's id and version.</summary>
    public string Version { get; }

    /// <summary>The compiled NRules rules; sessions come from the engine's pool, not from here directly.</summary>
    public ISessionFactory Sessions { get; }

    /// <summary>The services the policies declare with <c>Dependency().Resolve(...)</c>.</summary>
    public IReadOnlyList<PolicyDependency> Dependencies { get; }

    public PolicyDescriptor this[string policyId] => _byId[policyId];

    public bool TryGet(string policyId, out PolicyDescriptor descriptor) => _byId.TryGetValue(policyId, out descriptor!);

    /// <summary>Validates the policy classes and compiles them with NRules.</summary>
    /// <param name="policyTypes">The policy classes.</param>
    /// <param name="expressionCompiler">Compiles the rules' expressions; FastExpressionCompiler with a fallback unless given.</param>
    /// <exception cref="PolicySetException">A class is not a valid policy, two share an id, or a definition does not compile.</exception>
    public static PolicySet Build(IReadOnlyList<Type> policyTypes, IExpressionCompiler? expressionCompiler = null)
    {
        ArgumentNullException.ThrowIfNull(policyTypes);
        if (policyTypes.Count == 0)
        {
            throw new PolicySetException("No policies were added: call AddPoliciesFrom(assembly) or AddPolicy<T>() in AddPolicyAudit(o => ...).");
        }

        var declared = new Dictionary<string, (Type Type, PolicyAttribute Attribute)>(StringComparer.Ordinal);
        foreach (var type in policyTypes)
        {
            if (!typeof(Policy).IsAssignableFrom(type) || type.IsAbstract)
            {
                throw new PolicySetException($"{type.FullName} is not a policy: a policy is a non-abstract class deriving from PolicyAudit.Policy.");
            }

            var attribute = Policy.PolicyAttributeOf(type)
                ?? throw new PolicySetException($"{type.FullName} derives from Policy but has no [Policy(\"some-id\")] attribute; every policy needs an id.");
            if (!IsKebabCase(attribute.Id))
            {
                throw new PolicySetException($"The policy id '{attribute.Id}' of {type.FullName} is not kebab-case: use lower-case letters and digits in words joined by single hyphens, like 'refund-window'.");
            }

            if (!Enum.IsDefined(attribute.OverridableBy))
            {
                throw new PolicySetException($"{type.FullName} ('{attribute.Id}') has OverridableBy = {(int)attribute.OverridableBy}, which is not a StaffRole.");
            }

            if (declared.TryGetValue(attribute.Id, out var other))
            {
                throw new PolicySetException($"The policy id '{attribute.Id}' is declared by both {other.Type.FullName} and {type.FullName}; policy ids must be unique.");
            }

            declared.Add(attribute.Id, (type, attribute));
        }

        var (definitions, sessions) = Compile(policyTypes, expressionCompiler ?? new PolicyExpressionCompiler());
        var definitionByType = definitions.ToDictionary(d => (Type)d.Properties[RuleProperties.ClrType]!);
        var policies = new List<PolicyDescriptor>(declared.Count);
        var idByRuleName = new Dictionary<string, string>(StringComparer.Ordinal);
        var dependencies = new List<PolicyDependency>();
        foreach (var (type, attribute) in declared.Values)
        {
            var definition = definitionByType[type];
            policies.Add(Describe(attribute, PolicyDefinitionText.Of(definition)));
            idByRuleName[definition.Name] = attribute.Id;
            dependencies.AddRange(definition.DependencyGroup.Dependencies.Select(d => new PolicyDependency(attribute.Id, type, d.ServiceType)));
        }

        policies.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        var version = Hash(string.Concat(policies.Select(p => p.Id + "@" + p.Version + "\n")));
        return new PolicySet(policies, version, sessions, idByRuleName, dependencies);
    }

    /// <summary>The id of the policy NRules knows by <paramref name="ruleName"/>; null for a rule that is not one of ours.</summary>
    public string? PolicyIdOfRule(string? ruleName) =>
        ruleName is not null && _idByRuleName.TryGetValue(ruleName, out var id) ? id : null;

    // Loads through NRules' RuleRepository and compiles with its RuleCompiler. NRules reports a failing class in a
    // chain of its own exception types; the policy class and the innermost cause are what a developer needs to read.
    private static (IReadOnlyList<IRuleDefinition> Definitions, ISessionFactory Sessions) Compile(IReadOnlyList<Type> policyTypes, IExpressionCompiler expressionCompiler)
    {
        var repository = new RuleRepository();
        try
        {
            repository.Load(spec => spec.From(scan => scan.Type([.. policyTypes]).PrivateTypes().NestedTypes()));
        }
        catch (RuleActivationException ex)
        {
            throw new PolicySetException($"{ex.RuleType?.FullName ?? ex.RuleTypeName} could not be created: {Innermost(ex).Message} A policy needs a public parameterless constructor.", ex);
        }
        catch (RuleDefinitionException ex)
        {
            throw new PolicySetException(
                $"The policy {ex.RuleType?.FullName ?? ex.RuleTypeName} does not define a valid rule: {Innermost(ex).Message} "
                + "(Define() matches facts with When() and ends with Then().Deny(...), Then().RequireApproval(...) or Then().Allow(...).)",
                ex);
        }

        var definitions = repository.GetRules().ToArray();
        var compiler = new RuleCompiler { ExpressionCompiler = expressionCompiler };
        // A request's facts are told apart by reference, not by Equals: two equal records are two facts (two bottles
        // brought in), and one fact is never mistaken for another's leftover in a pooled session.
        compiler.FactIdentityComparerRegistry.DefaultFactIdentityComparer = ReferenceEqualityComparer.Instance;
        try
        {
            return (definitions, compiler.Compile(definitions));
        }
        catch (RuleCompilationException ex)
        {
            var type = definitions.FirstOrDefault(d => d.Name == ex.RuleName)?.Properties[RuleProperties.ClrType] as Type;
            throw new PolicySetException($"The policy {type?.FullName ?? ex.RuleName} does not compile: {Innermost(ex).Message}", ex);
        }
    }

    private static Exception Innermost(Exception ex)
    {
        while (ex.InnerException is not null)
        {
            ex = ex.InnerException;
        }

        return ex;
    }

    /// <summary>True for lower-case words of letters and digits joined by single hyphens, starting with a letter.</summary>
    public static bool IsKebabCase(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 100 || id[0] is < 'a' or > 'z' || id[^1] == '-')
        {
            return false;
        }

        for (var i = 0; i < id.Length; i++)
        {
            var c = id[i];
            var ok = c is (>= 'a' and <= 'z') or (>= '0' and <= '9') || (c == '-' && id[i - 1] != '-');
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static PolicyDescriptor Describe(PolicyAttribute attribute, string definitionText)
    {
        var title = string.IsNullOrWhiteSpace(attribute.Title) ? attribute.Id : attribute.Title.Trim();
        var owner = string.IsNullOrWhiteSpace(attribute.Owner) ? null : attribute.Owner.Trim();
        var rationale = string.IsNullOrWhiteSpace(attribute.Rationale) ? null : attribute.Rationale.Trim();
        // Metadata is part of the version: a policy whose authority or rationale changed is a different policy to review.
        var version = Hash(string.Join("\n", attribute.Id, title, owner ?? string.Empty, WireNames.Of(attribute.OverridableBy), rationale ?? string.Empty, definitionText));
        return new PolicyDescriptor(attribute.Id, title, owner, attribute.OverridableBy, rationale, version);
    }

    // 64 bits of SHA-256: plenty to tell versions of one policy set apart, and short enough to read in a report.
    private static string Hash(string text) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0, 8).ToLowerInvariant();
}
