using System.Threading;
using Microsoft.CodeAnalysis;

namespace PolicyAudit.Analyzers.Governance;

/// <summary>
/// One policy class's scanned conditions and what they hold for: where the class starts in its tree, the trees that
/// declare it (the very objects, so bodies included) and the compilation they were last confirmed against. Immutable.
/// </summary>
internal sealed class RememberedScan
{
    public RememberedScan(int start, SyntaxTree[] declaringTrees, CompilationShape compilation, PolicyConditions? conditions)
    {
        Start = start;
        DeclaringTrees = declaringTrees;
        Compilation = compilation;
        Conditions = conditions;
    }

    public int Start { get; }

    public SyntaxTree[] DeclaringTrees { get; }

    public CompilationShape Compilation { get; }

    /// <summary>Null when the class turned out not to be a policy.</summary>
    public PolicyConditions? Conditions { get; }

    /// <summary>True when a scan of the class at <paramref name="start"/> in these trees and this compilation would find the same.</summary>
    public bool Holds(int start, SyntaxTree[] declaringTrees, CompilationShape compilation, CancellationToken cancellationToken) =>
        start == Start
        && CompilationShape.SameItems(declaringTrees, DeclaringTrees)
        && Compilation.BindsLike(compilation, cancellationToken);

    /// <summary>The same scan, confirmed against a newer compilation, so that the older one's replaced trees can go.</summary>
    public RememberedScan ConfirmedIn(CompilationShape compilation) =>
        ReferenceEquals(compilation, Compilation) ? this : new RememberedScan(Start, DeclaringTrees, compilation, Conditions);
}
