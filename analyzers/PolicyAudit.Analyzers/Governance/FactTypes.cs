using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace PolicyAudit.Analyzers.Governance;

/// <summary>
/// The fact type a policy tests an inherited member on. A policy over <c>IndexerDefinition.Enable</c>, where
/// <c>Enable</c> is declared on the shared base <c>ProviderDefinition</c>, governs the indexers' switch, not the one of
/// every sibling type (<c>DownloadClientDefinition</c>, <c>ApplicationDefinition</c>) that inherits the same member. The
/// generator and PA0006 record it in <c>Conditions</c> as an item <c>@Namespace.Type</c>; PA0001 then reports a read of
/// the member only on that type, a type derived from it, a base type that may hold it, or a value of unknown type.
/// </summary>
internal static class FactTypes
{
    /// <summary>The first character of a <c>Conditions</c> item that names a fact type rather than a test.</summary>
    public const char Prefix = '@';

    private static readonly SymbolDisplayFormat NameFormat = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.None);

    /// <summary>
    /// The name to record when <paramref name="receiver"/>, the type a condition reads <paramref name="member"/> on,
    /// is narrower than the member's declaring type (derives from it, or implements it); null when it is that type
    /// itself or unrelated (an extension method's receiver), where the member is governed wherever it is read.
    /// </summary>
    public static string? Narrowing(ISymbol member, ITypeSymbol? receiver)
    {
        if (receiver is not INamedTypeSymbol named || member.ContainingType is not { } declaring || member.IsStatic)
        {
            return null;
        }

        var declaringDefinition = declaring.OriginalDefinition;
        if (SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, declaringDefinition))
        {
            return null;
        }

        return SupertypesOf(named).Any(t => SymbolEqualityComparer.Default.Equals(t, declaringDefinition)) ? NameOf(named) : null;
    }

    /// <summary>The fact types named by <c>@</c> items of a <c>Conditions</c> text; empty when none is.</summary>
    public static IReadOnlyList<string> Parse(string? conditions) => ConditionTest.ItemsAfter(conditions, Prefix);

    /// <summary>
    /// True when a member read on a value of <paramref name="receiver"/> may be the fact one of <paramref name="facts"/>
    /// names: no fact is named, the receiver's type is unknown, it is a named fact type or derives from one, or it is
    /// one's base (a <c>WorkflowCondition</c> that may be the policy's <c>WorkflowTransition</c>). A sibling type is not.
    /// <paramref name="resolve"/> finds a named fact type in the compilation; one it cannot find admits every receiver.
    /// </summary>
    public static bool Admits(IReadOnlyList<string> facts, ITypeSymbol? receiver, Func<string, INamedTypeSymbol?> resolve)
    {
        if (facts.Count == 0 || receiver is null or IErrorTypeSymbol || receiver.TypeKind == TypeKind.Dynamic)
        {
            return true;
        }

        var candidates = receiver is ITypeParameterSymbol parameter
            ? parameter.ConstraintTypes.OfType<INamedTypeSymbol>().ToList()
            : receiver is INamedTypeSymbol named ? new List<INamedTypeSymbol> { named } : new List<INamedTypeSymbol>();
        if (candidates.Count == 0)
        {
            // An unconstrained type parameter, or an array: any fact may be behind it.
            return true;
        }

        foreach (var fact in facts)
        {
            if (resolve(fact) is not { } factType)
            {
                return true;
            }

            var factSupertypes = SupertypesOf(factType).ToList();
            foreach (var candidate in candidates)
            {
                if (SupertypesOf(candidate).Contains(factType.OriginalDefinition, SymbolEqualityComparer.Default)
                    || factSupertypes.Contains(candidate.OriginalDefinition, SymbolEqualityComparer.Default))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The type a recorded fact name stands for in <paramref name="compilation"/>, nested types included; null when none.</summary>
    public static INamedTypeSymbol? Resolve(Compilation compilation, string fact)
    {
        // Recorded as C# writes it (`Ns.Outer.Inner`); metadata names nest with '+'.
        var name = fact;
        while (true)
        {
            if (compilation.GetTypeByMetadataName(name) is { } type)
            {
                return type;
            }

            var dot = name.LastIndexOf('.');
            if (dot < 0)
            {
                return null;
            }

            name = name.Substring(0, dot) + "+" + name.Substring(dot + 1);
        }
    }

    /// <summary>Appends the fact item for <paramref name="fact"/> to a <c>Conditions</c> text.</summary>
    public static string With(string conditions, string? fact) => ConditionTest.WithItem(conditions, Prefix, fact);

    /// <summary>The name a <c>Conditions</c> fact item records for <paramref name="type"/>.</summary>
    public static string NameOf(INamedTypeSymbol type) => type.OriginalDefinition.ToDisplayString(NameFormat);

    /// <summary>The type itself, its base types and its interfaces, as their definitions.</summary>
    internal static IEnumerable<INamedTypeSymbol> SupertypesOf(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            yield return current.OriginalDefinition;
        }

        foreach (var contract in type.AllInterfaces)
        {
            yield return contract.OriginalDefinition;
        }
    }
}
