using System.Security.Cryptography;
using System.Text;
using PolicyAudit.Rules;

namespace PolicyAudit;

/// <summary>
/// The compiled policy set: every policy's metadata and version, the set's version and the session factory the
/// engine evaluates with. Built once, at start-up; immutable and thread-safe afterwards.
/// </summary>
internal sealed class PolicySet
{
    private readonly Dictionary<string, PolicyDescriptor> _byId;

    private PolicySet(IReadOnlyList<PolicyDescriptor> policies, string version, ISessionFactory sessions)
    {
        Policies = policies;
        Version = version;
        Sessions = sessions;
        _byId = policies.ToDictionary(p => p.Id, StringComparer.Ordinal);
    }

    /// <summary>The policies, in id order.</summary>
    public IReadOnlyList<PolicyDescriptor> Policies { get; }

    /// <summary>The set's version: a hash of every policy's id and version.</summary>
    public string Version { get; }

    public ISessionFactory Sessions { get; }

    public PolicyDescriptor this[string policyId] => _byId[policyId];

    public bool TryGet(string policyId, out PolicyDescriptor descriptor) => _byId.TryGetValue(policyId, out descriptor!);

    /// <summary>Validates and compiles the policy classes.</summary>
    /// <exception cref="PolicySetException">A class is not a valid policy, two share an id, or a definition does not compile.</exception>
    public static PolicySet Build(IReadOnlyList<Type> policyTypes)
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

        var repository = new RuleRepository();
        IReadOnlyList<IRuleDefinition> definitions;
        ISessionFactory sessions;
        try
        {
            repository.Load(policyTypes);
            definitions = repository.GetRules();
            sessions = repository.Compile();
        }
        catch (RuleEngineException ex)
        {
            throw new PolicySetException($"The policy set does not compile: {ex.Message}", ex);
        }

        var textByType = definitions.Where(d => d.RuleType is not null).ToDictionary(d => d.RuleType!, d => d.DefinitionText);
        var policies = declared.Values
            .Select(p => Describe(p.Attribute, textByType[p.Type]))
            .OrderBy(p => p.Id, StringComparer.Ordinal)
            .ToArray();
        var version = Hash(string.Concat(policies.Select(p => p.Id + "@" + p.Version + "\n")));
        return new PolicySet(policies, version, sessions);
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
        var version = Hash(string.Join("\n", attribute.Id, title, owner ?? string.Empty, WireNames.Of(attribute.OverridableBy), rationale ?? string.Empty, WithoutRuleName(definitionText)));
        return new PolicyDescriptor(attribute.Id, title, owner, attribute.OverridableBy, rationale, version);
    }

    // The rule's name is the class's full name: renaming or moving a class does not change what the policy says.
    private static string WithoutRuleName(string definitionText) =>
        definitionText.StartsWith("rule ", StringComparison.Ordinal) && definitionText.IndexOf('\n', StringComparison.Ordinal) is var end and >= 0
            ? definitionText[(end + 1)..]
            : definitionText;

    // 64 bits of SHA-256: plenty to tell versions of one policy set apart, and short enough to read in a report.
    private static string Hash(string text) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0, 8).ToLowerInvariant();
}
