using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PolicyAudit.Analyzers.Checks;

namespace PolicyAudit.Analyzers.Governance;

/// <summary>
/// The boolean members a condition tests only to scope a threshold of the same fact: <c>IsDraft</c> in
/// <c>e =&gt; !e.IsDraft &amp;&amp; e.TimingChangeCount &gt;= 2</c>, or <c>StockTrackingIsEnabled</c> in
/// <c>When().Match(() =&gt; product, p =&gt; p.StockTrackingIsEnabled).Match(() =&gt; request, r =&gt; r.Quantity &gt; product.StockQuantity)</c>.
/// Such a flag only narrows which facts the threshold applies to; governing it would report every listing or
/// bookkeeping use of it (<c>where !e.IsDraft</c>), while the threshold, still governed, catches the check that
/// copies the policy. The generator (what it carries) and PA0006 (what it asks to mark) both ask here, so they agree.
/// </summary>
/// <remarks>
/// A flag is a scope qualifier when every test of it in the condition is conjoined with a comparison of a
/// non-boolean member of the same fact (the same pattern variable): in the same lambda, through <c>&amp;&amp;</c>
/// only; or, for a flag that is a conjunct of its own <c>Match</c> lambda, in another condition of that pattern or in
/// another <c>Match</c> or <c>Exists</c> of the rule's <c>When()</c> chain (or of the <c>And</c> group it sits in).
/// Not across <c>Or</c> (an alternative, not a scope), nor into <c>Not</c> or <c>All</c>: there the comparison need
/// not hold when the rule fires. <c>Exists</c> is a conjunct like a <c>Match</c>: the rule fires only when its
/// comparison holds for some fact. Comparisons with <c>null</c> (guards, never reported) and <c>Any()</c> do not count.
/// Stateless and thread-safe.
/// </remarks>
internal static class ScopeFlags
{
    /// <summary>
    /// The scope qualifiers of <paramref name="condition"/>: a condition lambda, or an argument of a condition call
    /// holding several (a <c>params</c> array).
    /// </summary>
    public static HashSet<ISymbol> Of(IOperation condition)
    {
        var qualifiers = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        var unqualified = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        var own = Lambdas(condition).ToList();
        if (own.Count == 0)
        {
            return qualifiers;
        }

        var pattern = EnclosingCall(own[0]);
        var comparisons = new List<(IAnonymousFunctionOperation Lambda, object? Fact, IOperation At)>();
        var ownerships = new List<(IAnonymousFunctionOperation Lambda, object? Fact, IOperation At)>();
        foreach (var lambda in ConjoinedConditions(pattern).Concat(own).Distinct())
        {
            PolicyConditionScanner.ForEachTest(lambda, (read, test, at) =>
            {
                // A state matched to a constant (`c.CheckType == EmployedAtStart`) names a category, not a threshold: a
                // flag beside it (`c.Result != true`) is the rule's own test of that category. Any state but one
                // (`s.Plan != Basis`) still scopes the flags beside it, as a threshold does.
                if (!PolicyConditionScanner.IsBoolean(read.Member)
                    && read.Kind is not (ReadKind.NotEmpty or ReadKind.AnyMatching)
                    && test.Value is not ("null" or Membership.Inside or Membership.Outside or Comparison.OwnerKey)
                    && !(test.Operator == "==" && test.Value is not null && ValueTracer.IsEnumStateType(read.MemberType)))
                {
                    comparisons.Add((lambda, FactOf(read), at));
                }

                if (test.Value == Comparison.OwnerKey)
                {
                    ownerships.Add((lambda, FactOf(read), at));
                }
            });
        }

        foreach (var lambda in own)
        {
            PolicyConditionScanner.ForEachTest(lambda, (read, test, at) =>
            {
                var member = read.Member.OriginalDefinition;
                var flag = (Lambda: lambda, Fact: FactOf(read), At: at);
                if (!PolicyConditionScanner.IsBoolean(read.Member))
                {
                    // `a.AccountType == AccountType.User` beside `t.UserId != a.UserId`: the kind of account the ownership
                    // rule is about; listing accounts of that kind is not the rule.
                    if (test.Operator == "==" && test.Value is not null && read.Kind == ReadKind.Value && ValueTracer.IsEnumStateType(read.MemberType))
                    {
                        (ownerships.Any(ownership => Scopes(flag, ownership)) ? qualifiers : unqualified).Add(member);
                    }

                    return;
                }

                if (comparisons.Any(comparison => Scopes(flag, comparison)) || CountsOnly(at, lambda))
                {
                    qualifiers.Add(member);
                }
                else
                {
                    unqualified.Add(member);
                }
            });
        }

        // A flag tested once as a scope and once on its own in the same condition is still a test of its own.
        qualifiers.ExceptWith(unqualified);
        return qualifiers;
    }

    /// <summary>The condition lambdas an argument's value holds: itself, or the items of a <c>params</c> array.</summary>
    public static IEnumerable<IAnonymousFunctionOperation> Lambdas(IOperation? value)
    {
        switch (Unwrap(value))
        {
            case IAnonymousFunctionOperation lambda:
                yield return lambda;
                break;
            case IArrayCreationOperation { Initializer: { } initializer }:
                foreach (var element in initializer.ElementValues)
                {
                    if (Unwrap(element) is IAnonymousFunctionOperation item)
                    {
                        yield return item;
                    }
                }

                break;
        }
    }

    /// <summary>
    /// <c>room.Playlist.Count(i =&gt; i.OwnerID == u.UserID &amp;&amp; !i.Expired) &gt;= 3</c>: a flag inside the predicate of a count
    /// (or of a <c>Where</c> or <c>Sum</c>) says which items are counted toward the limit; the limit is the test. Every
    /// listing of unexpired items would otherwise be reported as the policy.
    /// </summary>
    private static bool CountsOnly(IOperation flag, IAnonymousFunctionOperation condition) =>
        EnclosingLambda(flag) is { } predicate
        && predicate != condition
        && ValueTracer.ArgumentOf(predicate) is { Parent: IInvocationOperation { TargetMethod.Name: "Count" or "LongCount" or "Where" or "Sum" or "CountAsync" or "SumAsync" } };

    /// <summary>True when <paramref name="flag"/> only narrows <paramref name="comparison"/>: same fact, conjoined.</summary>
    private static bool Scopes(
        (IAnonymousFunctionOperation Lambda, object? Fact, IOperation At) flag,
        (IAnonymousFunctionOperation Lambda, object? Fact, IOperation At) comparison)
    {
        if (flag.Fact is null || !SameFact(flag.Fact, comparison.Fact) || ConjunctionOf(flag.At) is not { } conjunction)
        {
            return false;
        }

        if (flag.Lambda == comparison.Lambda)
        {
            return IsWithin(comparison.At, conjunction) && !IsWithin(comparison.At, NegatedSelf(flag.At));
        }

        // Across lambdas (another condition of the pattern, or a conjoined pattern's) the lambdas are the conjunction,
        // so the flag must be a whole conjunct of its own.
        return conjunction.Parent is IReturnOperation && EnclosingLambda(conjunction) == flag.Lambda;
    }

    /// <summary>
    /// The <c>&amp;&amp;</c> chain a test is a conjunct of (the test itself, negated or not, when it is in none); null
    /// when that chain sits under a <c>!</c>, where <c>!(a &amp;&amp; b)</c> is a disjunction.
    /// </summary>
    internal static IOperation? ConjunctionOf(IOperation at)
    {
        var top = NegatedSelf(at);
        while (top.Parent is IConversionOperation or IParenthesizedOperation
               or IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.And })
        {
            top = top.Parent;
        }

        for (var above = top.Parent; above is not null and not IAnonymousFunctionOperation; above = above.Parent)
        {
            if (above is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not })
            {
                return null;
            }
        }

        return top;
    }

    /// <summary>A test with the conversions, parentheses and <c>!</c> directly around it.</summary>
    internal static IOperation NegatedSelf(IOperation at)
    {
        while (at.Parent is IConversionOperation or IParenthesizedOperation or IUnaryOperation { OperatorKind: UnaryOperatorKind.Not })
        {
            at = at.Parent;
        }

        return at;
    }

    internal static bool IsWithin(IOperation operation, IOperation ancestor)
    {
        for (var current = operation; current is not null; current = current.Parent)
        {
            if (current == ancestor)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The condition lambdas of the patterns conjoined with <paramref name="pattern"/>: its own, and when it is a
    /// <c>Match</c>, those of every <c>Match</c> and <c>Exists</c> of the same <c>When()</c> (all its chains in the
    /// method: NRules builds one left-hand side from them) or of the same <c>And</c> group. An <c>Or</c> group's
    /// patterns are alternatives and are conjoined with nothing.
    /// </summary>
    internal static IEnumerable<IAnonymousFunctionOperation> ConjoinedConditions(IInvocationOperation? pattern)
    {
        if (pattern is null)
        {
            return [];
        }

        var patterns = new List<IInvocationOperation> { pattern };
        if (pattern.TargetMethod.Name == "Match")
        {
            patterns.AddRange(ChainRoots(pattern).SelectMany(Chain).Where(call => call.TargetMethod.Name is "Match" or "Exists"));
        }

        return patterns.Distinct().SelectMany(call => call.Arguments.SelectMany(argument => Lambdas(argument.Value)))
            .Where(lambda => lambda.Symbol.Parameters.Length > 0);
    }

    /// <summary>The starts of the chains conjoined with the one <paramref name="pattern"/> is in.</summary>
    private static IEnumerable<IOperation> ChainRoots(IInvocationOperation pattern)
    {
        IOperation root = pattern;
        while (root is IInvocationOperation { Instance: { } instance } && Unwrap(instance) is IInvocationOperation or IParameterReferenceOperation)
        {
            root = Unwrap(instance)!;
        }

        if (root is IInvocationOperation { TargetMethod.Name: "When", TargetMethod.Parameters.Length: 0 } start)
        {
            return ValueTracer.Root(root).DescendantsAndSelf().OfType<IInvocationOperation>()
                .Where(call => call.TargetMethod.Name == "When" && call.TargetMethod.Parameters.Length == 0
                    && SymbolEqualityComparer.Default.Equals(call.TargetMethod, start.TargetMethod));
        }

        if (root is IParameterReferenceOperation parameter
            && EnclosingLambda(root) is { } builder
            && SymbolEqualityComparer.Default.Equals(parameter.Parameter.ContainingSymbol, builder.Symbol)
            && EnclosingCall(builder) is { TargetMethod.Name: "And" })
        {
            return [root];
        }

        return [];
    }

    /// <summary>The calls chained on <paramref name="root"/>: <c>.Match(..).Match(..)</c> after <c>When()</c>.</summary>
    private static IEnumerable<IInvocationOperation> Chain(IOperation root)
    {
        var current = root;
        while (UnwrapUp(current).Parent is IInvocationOperation call && call.Instance is { } instance && Unwrap(instance) == current)
        {
            yield return call;
            current = call;
        }
    }

    /// <summary>
    /// The fact a member is read on: the pattern variable (<c>product</c> in <c>Match(() =&gt; product, p =&gt; p.X)</c>,
    /// and the captured <c>product</c> in another pattern's lambda), the pattern itself when it has no alias, or the
    /// parameter or local the read starts from; null when it starts elsewhere (a static, <c>this</c>).
    /// </summary>
    internal static object? FactOf(MemberRead read)
    {
        var root = ValueTracer.RootSymbol(read.Instance, throughCalls: true);
        if (root is not IParameterSymbol parameter)
        {
            return root;
        }

        for (var current = read.Instance?.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation lambda
                && SymbolEqualityComparer.Default.Equals(lambda.Symbol, parameter.ContainingSymbol))
            {
                return EnclosingCall(lambda) is { } call && PolicyConditionScanner.ConditionMethods.Contains(call.TargetMethod.Name)
                    ? (object?)Alias(call) ?? call.Syntax
                    : parameter;
            }
        }

        return parameter;
    }

    /// <summary>The local a pattern binds: <c>product</c> in <c>Match(() =&gt; product, ...)</c>.</summary>
    private static ILocalSymbol? Alias(IInvocationOperation pattern) =>
        pattern.Arguments
            .SelectMany(argument => Lambdas(argument.Value))
            .Where(lambda => lambda.Symbol.Parameters.Length == 0)
            .SelectMany(lambda => lambda.Body.Operations)
            .Select(operation => operation is IReturnOperation { ReturnedValue: { } value } ? ValueTracer.Strip(value) : null)
            .OfType<ILocalReferenceOperation>()
            .Select(local => local.Local)
            .FirstOrDefault();

    internal static bool SameFact(object flag, object? comparison) =>
        flag is ISymbol symbol ? SymbolEqualityComparer.Default.Equals(symbol, comparison as ISymbol) : ReferenceEquals(flag, comparison);

    internal static IAnonymousFunctionOperation? EnclosingLambda(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation lambda)
            {
                return lambda;
            }
        }

        return null;
    }

    /// <summary>The call a lambda is an argument of (through a <c>params</c> array and its conversion to a delegate or expression).</summary>
    internal static IInvocationOperation? EnclosingCall(IOperation lambda)
    {
        var current = lambda.Parent;
        while (current is IConversionOperation or IDelegateCreationOperation or IParenthesizedOperation or IArgumentOperation
               or IArrayInitializerOperation or IArrayCreationOperation)
        {
            current = current.Parent;
        }

        return current as IInvocationOperation;
    }

    private static IOperation? Unwrap(IOperation? operation)
    {
        while (operation is IConversionOperation or IDelegateCreationOperation or IParenthesizedOperation)
        {
            operation = operation switch
            {
                IConversionOperation conversion => conversion.Operand,
                IDelegateCreationOperation creation => creation.Target,
                _ => ((IParenthesizedOperation)operation).Operand,
            };
        }

        return operation;
    }

    private static IOperation UnwrapUp(IOperation operation)
    {
        while (operation.Parent is IConversionOperation or IParenthesizedOperation)
        {
            operation = operation.Parent;
        }

        return operation;
    }
}
