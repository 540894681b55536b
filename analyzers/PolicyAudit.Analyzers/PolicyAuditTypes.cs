using System;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace PolicyAudit.Analyzers;

/// <summary>
/// The PolicyAudit runtime types one compilation sees, found by metadata name: the analyzers reference no runtime
/// assembly, so a project that does not reference PolicyAudit resolves none of them and is skipped.
/// </summary>
internal sealed class PolicyAuditTypes
{
    public const string RootNamespace = "PolicyAudit";
    public const string PolicyMetadataName = "PolicyAudit.Policy";
    public const string PolicyAttributeMetadataName = "PolicyAudit.PolicyAttribute";
    public const string GovernedByAttributeMetadataName = "PolicyAudit.GovernedByAttribute";
    public const string GovernedMemberAttributeMetadataName = "PolicyAudit.GovernedMemberAttribute";
    public const string PolicyEngineMetadataName = "PolicyAudit.IPolicyEngine";
    public const string DecisionMetadataName = "PolicyAudit.Decision";
    public const string DecisionOutcomeMetadataName = "PolicyAudit.DecisionOutcome";
    public const string OverrideRecorderMetadataName = "PolicyAudit.IOverrideRecorder";
    public const string PolicyIdParameterName = "policyId";

    /// <summary>NRules' fluent rule base, which <c>PolicyAudit.Policy</c> derives from.</summary>
    public const string NRulesRuleMetadataName = "NRules.Fluent.Dsl.Rule";

    private PolicyAuditTypes(Compilation compilation)
    {
        Policy = compilation.GetTypeByMetadataName(PolicyMetadataName);
        NRulesRule = compilation.GetTypeByMetadataName(NRulesRuleMetadataName);
        PolicyAttribute = compilation.GetTypeByMetadataName(PolicyAttributeMetadataName);
        GovernedByAttribute = compilation.GetTypeByMetadataName(GovernedByAttributeMetadataName);
        GovernedMemberAttribute = compilation.GetTypeByMetadataName(GovernedMemberAttributeMetadataName);
        PolicyEngine = compilation.GetTypeByMetadataName(PolicyEngineMetadataName);
        Decision = compilation.GetTypeByMetadataName(DecisionMetadataName);
        OverrideRecorder = compilation.GetTypeByMetadataName(OverrideRecorderMetadataName);
    }

    public INamedTypeSymbol? Policy { get; }

    public INamedTypeSymbol? NRulesRule { get; }

    public INamedTypeSymbol? PolicyAttribute { get; }

    public INamedTypeSymbol? GovernedByAttribute { get; }

    public INamedTypeSymbol? GovernedMemberAttribute { get; }

    public INamedTypeSymbol? PolicyEngine { get; }

    public INamedTypeSymbol? Decision { get; }

    public INamedTypeSymbol? OverrideRecorder { get; }

    public static PolicyAuditTypes Create(Compilation compilation) => new(compilation);

    /// <summary>True when <paramref name="type"/> derives, directly or not, from <c>PolicyAudit.Policy</c>.</summary>
    public bool IsPolicy(ITypeSymbol? type) => DerivesFrom(type, Policy);

    /// <summary>
    /// True when <paramref name="symbol"/> is declared in a policy, a plain NRules rule beside the policies, or a type
    /// nested in one: their conditions are what the engine evaluates, not checks that bypass it.
    /// </summary>
    public bool IsInsideRuleDefinition(ISymbol? symbol)
    {
        for (var type = symbol as INamedTypeSymbol ?? symbol?.ContainingType; type is not null; type = type.ContainingType)
        {
            if (IsPolicy(type) || DerivesFrom(type, NRulesRule))
            {
                return true;
            }
        }

        return false;
    }

    private static bool DerivesFrom(ITypeSymbol? type, INamedTypeSymbol? baseType)
    {
        if (baseType is null)
        {
            return false;
        }

        for (var current = type?.BaseType; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when <paramref name="method"/> is <paramref name="interfaceType"/>'s member called
    /// <paramref name="name"/>, or a class's implementation of it.
    /// </summary>
    public static bool IsInterfaceMethodOrImplementation(IMethodSymbol method, INamedTypeSymbol? interfaceType, string name)
    {
        if (interfaceType is null || method.Name != name)
        {
            return false;
        }

        if (SymbolEqualityComparer.Default.Equals(method.ContainingType?.OriginalDefinition, interfaceType))
        {
            return true;
        }

        var containingType = method.ContainingType;
        if (containingType is null)
        {
            return false;
        }

        foreach (var member in interfaceType.GetMembers(name))
        {
            if (member is IMethodSymbol interfaceMethod
                && SymbolEqualityComparer.Default.Equals(containingType.FindImplementationForInterfaceMember(interfaceMethod), method.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="type"/> is declared in the <c>PolicyAudit</c> namespace or one below it.</summary>
    public static bool IsInPolicyAuditNamespace(ITypeSymbol? type) => RootNamespaceOf(type) == RootNamespace;

    /// <summary>
    /// The outermost namespace a type (or a member's type) is declared in: <c>System</c> for
    /// <c>System.Linq.Enumerable</c>; null in the global namespace.
    /// </summary>
    public static string? RootNamespaceOf(ISymbol? symbol)
    {
        var ns = symbol as INamespaceSymbol ?? (symbol as ITypeSymbol ?? symbol?.ContainingType)?.ContainingNamespace;
        if (ns is null || ns.IsGlobalNamespace)
        {
            return null;
        }

        while (ns.ContainingNamespace is { IsGlobalNamespace: false })
        {
            ns = ns.ContainingNamespace;
        }

        return ns.Name;
    }

    /// <summary>
    /// True for a symbol of the .NET or ASP.NET Core framework, or of another package Microsoft ships
    /// (<c>List&lt;T&gt;.Count</c>, <c>IdentityUser.EmailConfirmed</c>, EF Core's <c>AnyAsync</c>): declared under a
    /// <c>System</c> or <c>Microsoft</c> root namespace in a compiled assembly that is strong-named or named after those
    /// roots. An application's own code under such a namespace (<c>Microsoft.eShopWeb.ApplicationCore</c>, built from
    /// source or into an unsigned assembly of its own name) is not framework code.
    /// </summary>
    public static bool IsFramework(ISymbol? symbol)
    {
        if (symbol is null || RootNamespaceOf(symbol) is not ("System" or "Microsoft"))
        {
            return false;
        }

        var declared = symbol as ITypeSymbol ?? symbol.ContainingType ?? (ISymbol)symbol;
        if (declared.Locations.Any(location => location.IsInSource) || symbol.ContainingAssembly is not { } assembly)
        {
            return false;
        }

        var name = assembly.Identity.Name;
        return !assembly.Identity.PublicKeyToken.IsDefaultOrEmpty
            || name is "System" or "mscorlib" or "netstandard"
            || name.StartsWith("System.", StringComparison.Ordinal)
            || name.StartsWith("Microsoft.", StringComparison.Ordinal);
    }

    /// <summary>True when the assembly is PolicyAudit itself or was compiled against it.</summary>
    public static bool ReferencesPolicyAudit(IAssemblySymbol assembly)
    {
        if (assembly.Name == RootNamespace)
        {
            return true;
        }

        foreach (var module in assembly.Modules)
        {
            foreach (var identity in module.ReferencedAssemblies)
            {
                if (identity.Name == RootNamespace)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
