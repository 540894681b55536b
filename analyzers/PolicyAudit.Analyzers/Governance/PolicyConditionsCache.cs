using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace PolicyAudit.Analyzers.Governance;

/// <summary>
/// Reads the conditions of the policy classes <see cref="GovernedMemberGenerator"/> is given, binding a class's
/// <c>Define()</c> only when the class's own trees or the rest of the compilation's declarations changed.
/// <para>
/// Why a cache beside the pipeline: Roslyn runs the transform of <c>ForAttributeWithMetadataName</c> again for every
/// attributed class on every new compilation (it is combined with the compilation provider), and any step that
/// binds must take the compilation as input, so no pipeline step can skip binding an unchanged policy after an edit
/// elsewhere. Binding a policy's conditions is the generator's whole cost (about 3 ms a policy), so this keeps each
/// result with the <see cref="CompilationShape"/> it was bound against and binds again only when one of the class's
/// own trees changed or another tree's declarations did: an edit inside a method body of another file binds nothing.
/// </para>
/// <para>
/// Every table is keyed weakly by an immutable Roslyn object (tree, compilation, reference), so an entry goes when
/// its key does; a result holds strings, and its shape the trees of the latest compilation it was confirmed in
/// (which that compilation holds anyway), never a symbol or a compilation. A miss only costs a scan. Thread-safe: one
/// generator instance may run for several compilations at once.
/// </para>
/// </summary>
internal sealed class PolicyConditionsCache
{
    private readonly ConditionalWeakTable<Compilation, CompilationShape> _compilations = new();
    private readonly ConditionalWeakTable<MetadataReference, object> _references = new();
    private readonly ConditionalWeakTable<SyntaxTree, List<RememberedScan>> _scans = new();
    private int _bindings;

    /// <summary>How many policy classes this cache has bound so far (not served from memory).</summary>
    public int Bindings => Volatile.Read(ref _bindings);

    /// <summary>The conditions of the attributed class, or null when it is not a policy with an id.</summary>
    public PolicyConditions? Read(GeneratorAttributeSyntaxContext attributed, CancellationToken cancellationToken)
    {
        if (attributed.TargetSymbol is not INamedTypeSymbol type)
        {
            return null;
        }

        var compilation = ShapeOf(attributed.SemanticModel.Compilation);
        var declaringTrees = type.DeclaringSyntaxReferences.Select(r => r.SyntaxTree).ToArray();
        var start = attributed.TargetNode.SpanStart;
        var remembered = _scans.GetOrCreateValue(attributed.TargetNode.SyntaxTree);
        lock (remembered)
        {
            for (var i = 0; i < remembered.Count; i++)
            {
                if (remembered[i].Holds(start, declaringTrees, compilation, cancellationToken))
                {
                    remembered[i] = remembered[i].ConfirmedIn(compilation);
                    return remembered[i].Conditions;
                }
            }
        }

        var conditions = Scan(attributed, type, cancellationToken);
        Interlocked.Increment(ref _bindings);
        lock (remembered)
        {
            remembered.RemoveAll(scan => scan.Start == start);
            remembered.Add(new RememberedScan(start, declaringTrees, compilation, conditions));
        }

        return conditions;
    }

    /// <summary>Binds the class's condition lambdas: what the generator did on every run before this cache.</summary>
    private static PolicyConditions? Scan(GeneratorAttributeSyntaxContext attributed, INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        if (!DerivesFromPolicy(type)
            || attributed.Attributes.Length == 0
            || attributed.Attributes[0].ConstructorArguments.Length == 0
            || attributed.Attributes[0].ConstructorArguments[0].Value is not string policyId)
        {
            return null;
        }

        var members = new SortedDictionary<string, SortedSet<ConditionTest>>(System.StringComparer.Ordinal);
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            var declaration = reference.GetSyntax(cancellationToken);
            var model = declaration.SyntaxTree == attributed.SemanticModel.SyntaxTree
                ? attributed.SemanticModel
                : attributed.SemanticModel.Compilation.GetSemanticModel(declaration.SyntaxTree);
            foreach (var pair in PolicyConditionScanner.FindConditionMembers(declaration, model, cancellationToken))
            {
                if (!members.TryGetValue(pair.Key, out var tests))
                {
                    members.Add(pair.Key, tests = new SortedSet<ConditionTest>());
                }

                tests.UnionWith(pair.Value);
            }
        }

        return new PolicyConditions(policyId, members.Keys.ToList(), members.Values.Select(ConditionTest.Format).ToList());
    }

    private static bool DerivesFromPolicy(INamedTypeSymbol type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.Name == "Policy"
                && current.ContainingNamespace is { Name: PolicyAuditTypes.RootNamespace, ContainingNamespace.IsGlobalNamespace: true })
            {
                return true;
            }
        }

        return false;
    }

    private CompilationShape ShapeOf(Compilation compilation) =>
        _compilations.GetValue(compilation, c => new CompilationShape(
            c.SyntaxTrees.ToArray(),
            c.References.Select(reference => _references.GetValue(reference, static _ => new object())).ToArray(),
            c.Options,
            c.AssemblyName));
}
