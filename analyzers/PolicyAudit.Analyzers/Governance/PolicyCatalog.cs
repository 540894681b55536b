using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace PolicyAudit.Analyzers.Governance;

/// <summary>
/// The policy ids one compilation can see: every <c>[Policy("id")]</c> on a class of the compilation or of a
/// referenced assembly compiled against PolicyAudit, plus the ids the generator carried across in
/// <c>[assembly: GovernedMember]</c>. Immutable once built.
/// </summary>
internal sealed class PolicyCatalog
{
    private PolicyCatalog(ImmutableHashSet<string> ids) => Ids = ids;

    public ImmutableHashSet<string> Ids { get; }

    public static PolicyCatalog Create(Compilation compilation, PolicyAuditTypes types, CancellationToken cancellationToken)
    {
        var ids = ImmutableHashSet.CreateBuilder<string>(System.StringComparer.Ordinal);
        if (types.PolicyAttribute is not null)
        {
            CollectDeclared(compilation.Assembly.GlobalNamespace, types.PolicyAttribute, ids, cancellationToken);
            foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
            {
                if (PolicyAuditTypes.ReferencesPolicyAudit(assembly))
                {
                    CollectDeclared(assembly.GlobalNamespace, types.PolicyAttribute, ids, cancellationToken);
                    CollectCarried(assembly, types.GovernedMemberAttribute, ids);
                }
            }
        }

        return new PolicyCatalog(ids.ToImmutable());
    }

    private static void CollectDeclared(INamespaceSymbol root, INamedTypeSymbol policyAttribute, ImmutableHashSet<string>.Builder ids, CancellationToken cancellationToken)
    {
        var pending = new Stack<INamespaceOrTypeSymbol>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var current = pending.Pop();
            if (current is INamespaceSymbol ns)
            {
                foreach (var member in ns.GetMembers())
                {
                    pending.Push(member);
                }

                continue;
            }

            var type = (INamedTypeSymbol)current;
            if (type.TypeKind == TypeKind.Class)
            {
                foreach (var attribute in type.GetAttributes())
                {
                    if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, policyAttribute)
                        && attribute.ConstructorArguments.Length > 0
                        && attribute.ConstructorArguments[0].Value is string id)
                    {
                        ids.Add(id);
                    }
                }
            }

            foreach (var nested in type.GetTypeMembers())
            {
                pending.Push(nested);
            }
        }
    }

    private static void CollectCarried(IAssemblySymbol assembly, INamedTypeSymbol? governedMemberAttribute, ImmutableHashSet<string>.Builder ids)
    {
        if (governedMemberAttribute is null)
        {
            return;
        }

        foreach (var attribute in assembly.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, governedMemberAttribute)
                && attribute.ConstructorArguments.Length == 2
                && attribute.ConstructorArguments[1].Value is string id)
            {
                ids.Add(id);
            }
        }
    }
}
