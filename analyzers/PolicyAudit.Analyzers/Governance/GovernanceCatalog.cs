using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PolicyAudit.Analyzers.Governance;

/// <summary>
/// Which members of one compilation a policy governs, by which policies and with which tests. Built once per
/// compilation from the <c>[assembly: GovernedMember]</c> attributes of the compilation and of every referenced
/// assembly compiled against PolicyAudit (the generator writes them for the members policy conditions read) and from
/// <c>PolicyAudit.Governed.txt</c>; <c>[GovernedBy]</c> on a member is read on first use. Thread-safe.
/// </summary>
internal sealed class GovernanceCatalog
{
    /// <summary>The named argument of <c>GovernedMember</c> that carries the condition tests.</summary>
    public const string ConditionsArgumentName = "Conditions";

    private readonly PolicyAuditTypes _types;
    private readonly Dictionary<ISymbol, List<Governor>> _listed;
    private readonly ConcurrentDictionary<ISymbol, ImmutableArray<Governor>> _resolved = new(SymbolEqualityComparer.Default);

    private readonly Compilation _compilation;
    private readonly ConcurrentDictionary<string, INamedTypeSymbol?> _facts = new(StringComparer.Ordinal);
    private readonly Lazy<Dictionary<ISymbol, ImmutableArray<Governor>>> _contracts;
    private readonly Lazy<Dictionary<string, List<(ISymbol Member, Governor Governor)>>> _thresholds;

    private GovernanceCatalog(Compilation compilation, PolicyAuditTypes types, Dictionary<ISymbol, List<Governor>> listed)
    {
        _compilation = compilation;
        _types = types;
        _listed = listed;
        _contracts = new Lazy<Dictionary<ISymbol, ImmutableArray<Governor>>>(IndexGovernedContracts, LazyThreadSafetyMode.ExecutionAndPublication);
        _thresholds = new Lazy<Dictionary<string, List<(ISymbol Member, Governor Governor)>>>(IndexThresholds, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>
    /// The governors of a member read on a value of <paramref name="receiver"/> that may be their fact: all but those
    /// that read an inherited member on a sibling type (see <see cref="FactTypes"/>).
    /// </summary>
    public ImmutableArray<Governor> OnFact(ImmutableArray<Governor> governors, ITypeSymbol? receiver) =>
        governors.Where(g => FactTypes.Admits(g.Facts, receiver, fact => _facts.GetOrAdd(fact, name => FactTypes.Resolve(_compilation, name)))).ToImmutableArray();

    /// <summary>
    /// The governors of a value holder's member read on <paramref name="instance"/> that may read it there: all but
    /// those that read it through another holding property (see <see cref="HolderPaths"/>).
    /// </summary>
    public static ImmutableArray<Governor> OnPath(ImmutableArray<Governor> governors, IOperation? instance) =>
        governors.Where(g => HolderPaths.Admits(g.Paths, instance)).ToImmutableArray();

    public static GovernanceCatalog Create(Compilation compilation, PolicyAuditTypes types, ImmutableArray<AdditionalText> additionalFiles, CancellationToken cancellationToken)
    {
        var listed = new Dictionary<ISymbol, List<Governor>>(SymbolEqualityComparer.Default);

        if (types.GovernedMemberAttribute is not null)
        {
            AddCarriedMembers(compilation, compilation.Assembly, types.GovernedMemberAttribute, listed);
            foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (PolicyAuditTypes.ReferencesPolicyAudit(assembly))
                {
                    AddCarriedMembers(compilation, assembly, types.GovernedMemberAttribute, listed);
                }
            }
        }

        foreach (var file in additionalFiles)
        {
            if (!GovernedListFile.IsGovernedList(file))
            {
                continue;
            }

            foreach (var entry in GovernedListFile.Parse(file, cancellationToken))
            {
                Add(compilation, entry.DocumentationId, new Governor(entry.PolicyId, Array.Empty<ConditionTest>()), listed);
            }
        }

        return new GovernanceCatalog(compilation, types, listed);
    }

    public bool IsGoverned(ISymbol member) => !GetGovernors(member).IsEmpty;

    /// <summary>
    /// The names of the members carried or listed as governed (not those marked <c>[GovernedBy]</c>, which are read on
    /// first use): a cheap filter for code that may read one.
    /// </summary>
    public IEnumerable<string> ListedNames => _listed.Keys.Select(member => member.Name);

    /// <summary>The policies governing <paramref name="member"/>, in id order; empty when none does.</summary>
    public ImmutableArray<Governor> GetGovernors(ISymbol member) =>
        member is IPropertySymbol or IFieldSymbol or IMethodSymbol
            ? _resolved.GetOrAdd(member.OriginalDefinition, Resolve)
            : ImmutableArray<Governor>.Empty;

    /// <summary>
    /// True when a policy's own condition compares the member with <paramref name="value"/>, a guard's usual constant
    /// (<c>0</c>: <c>Stock == 0</c> is the sold-out policy; <c>default</c>), so a comparison with it is that policy
    /// rather than a guard.
    /// </summary>
    public bool ComparesWith(ISymbol member, string value) =>
        GetGovernors(member).Any(g => g.Tests.Any(t => t.Value == value));

    /// <summary>
    /// True when policies govern <paramref name="member"/>, every one states its tests, and every test is of the kind
    /// <paramref name="kind"/> says (only membership tests, only orderings): a check of another kind asks another question.
    /// </summary>
    public bool OnlyTests(ISymbol member, Func<ConditionTest, bool> kind) =>
        GetGovernors(member) is { IsEmpty: false } governors && governors.All(g => g.Tests.Count > 0 && g.Tests.All(kind));

    /// <summary>
    /// Like <see cref="OnlyTests"/>, over the policies that state tests of <paramref name="member"/>: one that reads it
    /// without testing it (a sum over the member in a query's aggregate) asks nothing of a single value.
    /// </summary>
    public bool OnlyTestsWhereTested(ISymbol member, Func<ConditionTest, bool> kind) =>
        GetGovernors(member).Where(g => g.Tests.Count > 0).ToList() is { Count: > 0 } testing && testing.All(g => g.Tests.All(kind));

    /// <summary>
    /// False when every policy governing <paramref name="member"/> states its tests, each an equality with a named state,
    /// and none names <paramref name="state"/>: <c>order.Status == Cancelled</c> asks another question than a policy
    /// about <c>Status != Complete</c> (a workflow's other transitions, a switch's other arms). True when a test is
    /// unknown (a hand-written <c>[GovernedBy]</c> without conditions, a listed member) or relational. With
    /// <paramref name="otherIsChosen"/>, the state is a value the caller chose (a parameter, a DTO field): false
    /// when every test names a state of its own.
    /// </summary>
    public bool MayTestState(ISymbol member, string? state, bool otherIsChosen = false) => MayTestState(GetGovernors(member), state, otherIsChosen);

    /// <summary>As <see cref="MayTestState(ISymbol, string?, bool)"/>, over some of a member's governors.</summary>
    public static bool MayTestState(ImmutableArray<Governor> governors, string? state, bool otherIsChosen = false)
    {
        if ((state is null && !otherIsChosen) || governors.IsEmpty)
        {
            return true;
        }

        foreach (var governor in governors)
        {
            if (governor.Tests.Count == 0 || governor.Tests.Any(t => t.Value is null || t.Value == state || t.Operator is not ("==" or "!=")))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// False when every policy governing the method <paramref name="member"/> tests it per argument list and none names
    /// <paramref name="key"/>: <c>user.HasPermission(PermissionKind.EnableAllDevices)</c> asks another question than a
    /// policy about <c>HasPermission(PermissionKind.IsDisabled)</c>. True for a call whose arguments are not all
    /// constants, and when some test names no arguments.
    /// </summary>
    public bool MayTestCall(ISymbol member, string? key) => MayTestCall(GetGovernors(member), key);

    /// <summary>As <see cref="MayTestCall(ISymbol, string?)"/>, over some of a member's governors.</summary>
    public static bool MayTestCall(ImmutableArray<Governor> governors, string? key) =>
        key is null || governors.IsEmpty || governors.Any(g => g.Tests.Count == 0 || g.Tests.Any(t => t.Key is null || t.Key == key));

    private ImmutableArray<Governor> Resolve(ISymbol member)
    {
        var own = ResolveOwn(member);
        if (!own.IsEmpty)
        {
            return own;
        }

        // A policy over an interface (`IStorable.MaxStorageGb`) governs what every implementation stores there
        // (`user.MaxStorageGb`), as an override inherits its base member's governance.
        foreach (var implemented in ImplementedInterfaceMembers(member))
        {
            var governors = GetGovernors(implemented);
            if (!governors.IsEmpty)
            {
                return governors;
            }
        }

        // The other way round: code that reads the business's own interface (`ITradableItem.RequiredBlockIndex`,
        // often through a generic parameter) may be reading the member a policy tests on one implementation.
        if (member.ContainingType is { TypeKind: TypeKind.Interface } contract
            && !member.IsStatic
            && !PolicyAuditTypes.IsFramework(contract)
            && _contracts.Value.TryGetValue(member, out var implementedBy))
        {
            return implementedBy;
        }

        return ImmutableArray<Governor>.Empty;
    }

    /// <summary>The governors listed for or marked on the member itself or a member it overrides.</summary>
    private ImmutableArray<Governor> ResolveOwn(ISymbol member)
    {
        for (var current = member; current is not null; current = Overridden(current))
        {
            var found = new List<Governor>();
            if (_listed.TryGetValue(current, out var listed))
            {
                found.AddRange(listed);
            }

            foreach (var marked in ReadGovernedBy(current))
            {
                if (!found.Any(g => g.PolicyId == marked.PolicyId))
                {
                    found.Add(marked);
                }
            }

            if (found.Count > 0)
            {
                return found.OrderBy(g => g.PolicyId, StringComparer.Ordinal).ToImmutableArray();
            }
        }

        return ImmutableArray<Governor>.Empty;
    }

    /// <summary>
    /// The members of the business's own interfaces that a governed member implements, each with that member's
    /// governors narrowed to the implementing type (see <see cref="FactTypes"/>): a read through the interface may be
    /// the policy's fact, a read on a sibling implementation is not. Built on the first read of such an interface member,
    /// over the types of this compilation and of the referenced assemblies compiled against PolicyAudit.
    /// </summary>
    private Dictionary<ISymbol, ImmutableArray<Governor>> IndexGovernedContracts()
    {
        var found = new Dictionary<ISymbol, List<Governor>>(SymbolEqualityComparer.Default);
        foreach (var assembly in GovernedAssemblies())
        {
            foreach (var type in TypesOf(assembly.GlobalNamespace))
            {
                if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct) || type.AllInterfaces.IsEmpty)
                {
                    continue;
                }

                foreach (var contract in type.AllInterfaces)
                {
                    if (PolicyAuditTypes.IsFramework(contract))
                    {
                        continue;
                    }

                    foreach (var contractMember in contract.GetMembers())
                    {
                        if (contractMember is not (IPropertySymbol or IMethodSymbol { MethodKind: MethodKind.Ordinary }) || contractMember.IsStatic
                            || type.FindImplementationForInterfaceMember(contractMember) is not { } implementation)
                        {
                            continue;
                        }

                        var governors = ResolveOwn(implementation.OriginalDefinition);
                        if (governors.IsEmpty)
                        {
                            continue;
                        }

                        var key = contractMember.OriginalDefinition;
                        if (!found.TryGetValue(key, out var list))
                        {
                            found.Add(key, list = new List<Governor>());
                        }

                        var implementingType = FactTypes.NameOf(type);
                        foreach (var governor in governors)
                        {
                            var facts = governor.Facts.Count > 0 ? governor.Facts : new[] { implementingType };
                            var index = list.FindIndex(g => g.PolicyId == governor.PolicyId);
                            if (index < 0)
                            {
                                list.Add(new Governor(governor.PolicyId, governor.Tests, facts, governor.Paths, governor.CountsItems));
                            }
                            else
                            {
                                var merged = list[index];
                                list[index] = new Governor(merged.PolicyId, merged.Tests.Concat(governor.Tests).Distinct().ToList(), merged.Facts.Concat(facts).Distinct(StringComparer.Ordinal).ToList(), merged.Paths.Count == 0 || governor.Paths.Count == 0 ? null : merged.Paths.Concat(governor.Paths).Distinct(StringComparer.Ordinal).ToList(), merged.CountsItems && governor.CountsItems);
                            }
                        }
                    }
                }
            }
        }

        return found.ToDictionary(
            pair => pair.Key,
            pair => pair.Value.OrderBy(g => g.PolicyId, StringComparer.Ordinal).ToImmutableArray(),
            SymbolEqualityComparer.Default);
    }

    /// <summary>
    /// The governed members a policy orders against the number <paramref name="valueKey"/> (<c>CustomerAge</c> for
    /// <c>18</c> in <c>c =&gt; c.CustomerAge &lt; 18</c>), or matches with an actor for <c>owner</c>, with the policies that
    /// do; empty for none.
    /// </summary>
    public IReadOnlyList<(ISymbol Member, Governor Governor)> OrderedAgainst(string valueKey) =>
        _thresholds.Value.TryGetValue(valueKey, out var found) ? found : (IReadOnlyList<(ISymbol, Governor)>)Array.Empty<(ISymbol, Governor)>();

    /// <summary>
    /// Every relational test with a number of its own (not 0 or ±1, which guards and counts use everywhere), by that
    /// number, every ownership match, under <c>owner</c>, every date ordered against the clock, under <c>clock</c>, and
    /// every text or enum member a member is matched to, under <c>=</c> and the value, over the members listed for this compilation and those marked in it and in the referenced assemblies
    /// compiled against PolicyAudit. Built on first use.
    /// </summary>
    private Dictionary<string, List<(ISymbol Member, Governor Governor)>> IndexThresholds()
    {
        var found = new Dictionary<string, List<(ISymbol, Governor)>>(StringComparer.Ordinal);
        var seen = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var member in _listed.Keys.Concat(MarkedMembers()))
        {
            if (!seen.Add(member))
            {
                continue;
            }

            foreach (var governor in ResolveOwn(member))
            {
                foreach (var test in governor.Tests)
                {
                    var key = test.Operator is "<" or "<=" or ">" or ">=" && test.Key is null && IsOwnThreshold(test.Value) ? test.Value
                        : test.Value == Checks.Comparison.OwnerKey ? test.Value
                        : test.Operator is "<" or "<=" or ">" or ">=" && test.Key is null && test.Value is null && Checks.DateTimeTypes.IsDateOrTime(Checks.ValueTracer.HeldType(member)) ? Checks.Comparison.ClockWindowKey
                        : test.Operator is "==" or "!=" && test.Key is null && test.Value is not null && IsStateValue(test.Value, Checks.ValueTracer.HeldType(member)) ? Checks.Comparison.StateKeyPrefix + test.Value
                        : null;
                    if (key is not null)
                    {
                        if (!found.TryGetValue(key, out var list))
                        {
                            found.Add(key, list = new List<(ISymbol, Governor)>());
                        }

                        list.Add((member, governor));
                    }
                }
            }
        }

        return found;
    }

    /// <summary>A non-empty text, or a member of an enum (a number on a member of an enum type).</summary>
    private static bool IsStateValue(string value, ITypeSymbol? type) =>
        (value.Length > 2 && value[0] == '"')
        || (type?.TypeKind == TypeKind.Enum
            && double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _));

    private static bool IsOwnThreshold(string? value) =>
        value is not null
        && double.TryParse(value.TrimEnd('m', 'M', 'd', 'D', 'f', 'F', 'L', 'l', 'u', 'U'), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number)
        && Math.Abs(number) > 1;

    /// <summary>The properties and fields marked <c>[GovernedBy]</c> in this compilation and in the referenced assemblies compiled against PolicyAudit.</summary>
    private IEnumerable<ISymbol> MarkedMembers()
    {
        if (_types.GovernedByAttribute is null)
        {
            yield break;
        }

        foreach (var assembly in GovernedAssemblies())
        {
            foreach (var type in TypesOf(assembly.GlobalNamespace))
            {
                foreach (var member in type.GetMembers())
                {
                    if (member is IPropertySymbol or IFieldSymbol && ReadGovernedBy(member).Any())
                    {
                        yield return member.OriginalDefinition;
                    }
                }
            }
        }
    }

    private IEnumerable<IAssemblySymbol> GovernedAssemblies() =>
        new[] { _compilation.Assembly }.Concat(_compilation.SourceModule.ReferencedAssemblySymbols.Where(a => a.Name != PolicyAuditTypes.RootNamespace && PolicyAuditTypes.ReferencesPolicyAudit(a)));

    private static IEnumerable<INamedTypeSymbol> TypesOf(INamespaceOrTypeSymbol container)
    {
        foreach (var member in container.GetMembers())
        {
            if (member is INamespaceOrTypeSymbol nested)
            {
                if (nested is INamedTypeSymbol type)
                {
                    yield return type;
                }

                foreach (var inner in TypesOf(nested))
                {
                    yield return inner;
                }
            }
        }
    }

    private static IEnumerable<ISymbol> ImplementedInterfaceMembers(ISymbol member)
    {
        if (member.ContainingType is not { TypeKind: TypeKind.Class or TypeKind.Struct } type || member.IsStatic)
        {
            yield break;
        }

        foreach (var explicitMember in member switch
        {
            IPropertySymbol property => property.ExplicitInterfaceImplementations.Cast<ISymbol>(),
            IMethodSymbol method => method.ExplicitInterfaceImplementations.Cast<ISymbol>(),
            _ => Enumerable.Empty<ISymbol>(),
        })
        {
            yield return explicitMember.OriginalDefinition;
        }

        foreach (var contract in type.AllInterfaces)
        {
            foreach (var candidate in contract.GetMembers(member.Name))
            {
                if (SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(candidate)?.OriginalDefinition, member))
                {
                    yield return candidate.OriginalDefinition;
                }
            }
        }
    }

    private IEnumerable<Governor> ReadGovernedBy(ISymbol member)
    {
        if (_types.GovernedByAttribute is null)
        {
            yield break;
        }

        foreach (var attribute in member.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _types.GovernedByAttribute)
                && attribute.ConstructorArguments.Length == 1
                && attribute.ConstructorArguments[0].Value is string policyId)
            {
                yield return Governor.Parse(policyId, ConditionsOf(attribute));
            }
        }
    }

    private static string? ConditionsOf(AttributeData attribute)
    {
        foreach (var named in attribute.NamedArguments)
        {
            if (named.Key == ConditionsArgumentName)
            {
                return named.Value.Value as string;
            }
        }

        return null;
    }

    private static ISymbol? Overridden(ISymbol member) => member switch
    {
        IPropertySymbol property => property.OverriddenProperty?.OriginalDefinition,
        IMethodSymbol method => method.OverriddenMethod?.OriginalDefinition,
        _ => null,
    };

    private static void AddCarriedMembers(Compilation compilation, IAssemblySymbol assembly, INamedTypeSymbol attributeType, Dictionary<ISymbol, List<Governor>> listed)
    {
        foreach (var attribute in assembly.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType)
                && attribute.ConstructorArguments.Length == 2
                && attribute.ConstructorArguments[0].Value is string documentationId
                && attribute.ConstructorArguments[1].Value is string policyId)
            {
                Add(compilation, documentationId, Governor.Parse(policyId, ConditionsOf(attribute)), listed);
            }
        }
    }

    private static void Add(Compilation compilation, string documentationId, Governor governor, Dictionary<ISymbol, List<Governor>> listed)
    {
        foreach (var symbol in DocumentationCommentId.GetSymbolsForDeclarationId(documentationId, compilation))
        {
            var key = symbol.OriginalDefinition;
            if (!listed.TryGetValue(key, out var governors))
            {
                listed.Add(key, governors = new List<Governor>());
            }

            if (!governors.Any(g => g.PolicyId == governor.PolicyId))
            {
                governors.Add(governor);
            }
        }
    }
}
