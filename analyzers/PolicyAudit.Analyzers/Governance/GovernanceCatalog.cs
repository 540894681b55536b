using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace PolicyAudit.Analyzers.Governance;

/// <summary>
/// Which members of one compilation a policy governs, and by which policy. Built once per compilation from the
/// <c>[assembly: GovernedMember]</c> attributes of the compilation and of every referenced assembly compiled against
/// PolicyAudit (the generator writes them for the members policy conditions read) and from
/// <c>PolicyAudit.Governed.txt</c>; <c>[GovernedBy]</c> on a member is read on first use. Thread-safe.
/// </summary>
internal sealed class GovernanceCatalog
{
    private readonly PolicyAuditTypes _types;
    private readonly Dictionary<ISymbol, string> _listed;
    private readonly ConcurrentDictionary<ISymbol, string?> _resolved = new(SymbolEqualityComparer.Default);

    private GovernanceCatalog(PolicyAuditTypes types, Dictionary<ISymbol, string> listed)
    {
        _types = types;
        _listed = listed;
    }

    public static GovernanceCatalog Create(Compilation compilation, PolicyAuditTypes types, ImmutableArray<AdditionalText> additionalFiles, CancellationToken cancellationToken)
    {
        var listed = new Dictionary<ISymbol, string>(SymbolEqualityComparer.Default);

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
                Add(compilation, entry.DocumentationId, entry.PolicyId, listed);
            }
        }

        return new GovernanceCatalog(types, listed);
    }

    /// <summary>The id of the policy governing <paramref name="member"/>, or null when none does.</summary>
    public string? GetGoverningPolicy(ISymbol member) =>
        _resolved.GetOrAdd(member.OriginalDefinition, Resolve);

    private string? Resolve(ISymbol member)
    {
        for (var current = member; current is not null; current = Overridden(current))
        {
            if (_listed.TryGetValue(current, out var listedPolicy))
            {
                return listedPolicy;
            }

            var annotated = ReadGovernedBy(current);
            if (annotated is not null)
            {
                return annotated;
            }
        }

        return null;
    }

    private string? ReadGovernedBy(ISymbol member)
    {
        if (_types.GovernedByAttribute is null)
        {
            return null;
        }

        foreach (var attribute in member.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _types.GovernedByAttribute)
                && attribute.ConstructorArguments.Length == 1
                && attribute.ConstructorArguments[0].Value is string policyId)
            {
                return policyId;
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

    private static void AddCarriedMembers(Compilation compilation, IAssemblySymbol assembly, INamedTypeSymbol attributeType, Dictionary<ISymbol, string> listed)
    {
        foreach (var attribute in assembly.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType)
                && attribute.ConstructorArguments.Length == 2
                && attribute.ConstructorArguments[0].Value is string documentationId
                && attribute.ConstructorArguments[1].Value is string policyId)
            {
                Add(compilation, documentationId, policyId, listed);
            }
        }
    }

    private static void Add(Compilation compilation, string documentationId, string policyId, Dictionary<ISymbol, string> listed)
    {
        foreach (var symbol in DocumentationCommentId.GetSymbolsForDeclarationId(documentationId, compilation))
        {
            var key = symbol.OriginalDefinition;
            if (!listed.ContainsKey(key))
            {
                listed.Add(key, policyId);
            }
        }
    }
}
