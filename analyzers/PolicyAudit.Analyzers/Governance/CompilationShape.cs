using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace PolicyAudit.Analyzers.Governance;

/// <summary>
/// What code in one compilation binds against: its syntax trees, in order, its metadata references (by identity),
/// its options and its assembly name. <see cref="BindsLike"/> tells whether another compilation declares the same
/// things, comparing a changed tree with Roslyn's top-level equivalence (which ignores method bodies and non-constant
/// field initializers): code in another file binds only against declarations, so an edit inside a method body leaves
/// how an unchanged policy class binds, and what its conditions read, as it was. Immutable.
/// </summary>
internal sealed class CompilationShape
{
    private readonly SyntaxTree[] _trees;
    private readonly object[] _references;
    private readonly CompilationOptions _options;
    private readonly string? _assemblyName;

    /// <param name="trees">The compilation's trees: the compilation holds them already, so keeping them here costs no memory while it lives.</param>
    /// <param name="references">One identity object per metadata reference, so that no reference (and its metadata) is kept alive.</param>
    /// <param name="options">The compilation's options.</param>
    /// <param name="assemblyName">The compilation's assembly name, which decides what internals of references it sees.</param>
    public CompilationShape(SyntaxTree[] trees, object[] references, CompilationOptions options, string? assemblyName)
    {
        _trees = trees;
        _references = references;
        _options = options;
        _assemblyName = assemblyName;
    }

    /// <summary>True when every declaration, reference and option code can bind against is the same in both.</summary>
    public bool BindsLike(CompilationShape other, CancellationToken cancellationToken)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (!string.Equals(_assemblyName, other._assemblyName, StringComparison.Ordinal)
            || !_options.Equals(other._options)
            || _trees.Length != other._trees.Length
            || !SameItems(_references, other._references))
        {
            return false;
        }

        for (var i = 0; i < _trees.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var mine = _trees[i];
            var theirs = other._trees[i];

            // Unchanged trees are the same objects from one compilation to the next: only edited ones are walked.
            if (!ReferenceEquals(mine, theirs)
                && !(string.Equals(mine.FilePath, theirs.FilePath, StringComparison.Ordinal) && mine.IsEquivalentTo(theirs, topLevel: true)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when both hold the same objects in the same order.</summary>
    public static bool SameItems<T>(IReadOnlyList<T> mine, IReadOnlyList<T> theirs)
        where T : class
    {
        if (mine.Count != theirs.Count)
        {
            return false;
        }

        for (var i = 0; i < mine.Count; i++)
        {
            if (!ReferenceEquals(mine[i], theirs[i]))
            {
                return false;
            }
        }

        return true;
    }
}
