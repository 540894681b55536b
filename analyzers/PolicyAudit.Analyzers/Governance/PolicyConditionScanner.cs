using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using PolicyAudit.Analyzers.Checks;

namespace PolicyAudit.Analyzers.Governance;

/// <summary>
/// Finds the members a policy's conditions read, and how they test them: every property, field or method of a
/// domain type referenced inside a lambda passed to NRules' <c>Match</c>, <c>Not</c>, <c>Exists</c>, <c>All</c>,
/// <c>Having</c>, <c>Let</c>, <c>Query</c> (and the query's <c>Where</c>) in the policy class.
/// </summary>
internal static class PolicyConditionScanner
{
    public static readonly HashSet<string> ConditionMethods = new(StringComparer.Ordinal)
    {
        "Match", "Not", "Exists", "All", "Having", "Let", "Query", "Where",
    };

    /// <summary>Documentation ids of the members read, in ordinal order, each with the tests the conditions make of it.</summary>
    public static SortedDictionary<string, SortedSet<ConditionTest>> FindConditionMembers(SyntaxNode policyDeclaration, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        var found = new SortedDictionary<string, SortedSet<ConditionTest>>(StringComparer.Ordinal);
        var facts = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var readOnDeclaringType = new HashSet<string>(StringComparer.Ordinal);
        var paths = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var readOnAnyPath = new HashSet<string>(StringComparer.Ordinal);
        var counted = new HashSet<string>(StringComparer.Ordinal);
        var readUncounted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in policyDeclaration.DescendantNodes())
        {
            if (node is not InvocationExpressionSyntax invocation || !ConditionMethods.Contains(InvokedName(invocation)))
            {
                continue;
            }


            foreach (var argument in invocation.ArgumentList.Arguments)
            {
                if (argument.Expression is not LambdaExpressionSyntax lambda)
                {
                    continue;
                }

                var operation = semanticModel.GetOperation(lambda, cancellationToken);
                var qualifiers = operation is null ? new HashSet<ISymbol>(SymbolEqualityComparer.Default) : ScopeFlags.Of(operation);
                foreach (var (symbol, name) in ReadMembers(lambda, operation, qualifiers, semanticModel, cancellationToken))
                {
                    if (Id(symbol) is not { } id)
                    {
                        continue;
                    }

                    if (!found.ContainsKey(id))
                    {
                        found.Add(id, new SortedSet<ConditionTest>());
                    }

                    // The innermost condition call decides: a Query's own lambda holds its Match calls too.
                    var nearest = name.Ancestors().OfType<InvocationExpressionSyntax>().FirstOrDefault(call => ConditionMethods.Contains(InvokedName(call)));
                    (nearest is not null && IsCountedQueryMatch(nearest) ? counted : readUncounted).Add(id);

                    if (FactTypes.Narrowing(symbol, ReceiverType(name, semanticModel, cancellationToken)) is { } fact)
                    {
                        if (!facts.TryGetValue(id, out var named))
                        {
                            facts.Add(id, named = new SortedSet<string>(StringComparer.Ordinal));
                        }

                        named.Add(fact);
                    }
                    else
                    {
                        readOnDeclaringType.Add(id);
                    }

                    var read = semanticModel.GetOperation(AccessOf(name), cancellationToken);
                    if (HolderPaths.Narrowing(symbol, (read as IMemberReferenceOperation)?.Instance) is { } path)
                    {
                        if (!paths.TryGetValue(id, out var held))
                        {
                            paths.Add(id, held = new SortedSet<string>(StringComparer.Ordinal));
                        }

                        held.Add(path);
                    }
                    else
                    {
                        readOnAnyPath.Add(id);
                    }
                }

                if (operation is not null)
                {
                    CollectTests(operation, qualifiers, found);
                }
            }
        }

        // A member read only to choose the items a query collects and counts is governed as such (see IsCountedQueryMatch).
        foreach (var id in counted)
        {
            if (!readUncounted.Contains(id) && found.TryGetValue(id, out var tests))
            {
                tests.Add(CountedItems);
            }
        }

        // A member the policy also reads on its own declaring type is governed there too, so only a member read on
        // narrower facts alone is narrowed to them.
        foreach (var pair in facts)
        {
            if (!readOnDeclaringType.Contains(pair.Key))
            {
                found[pair.Key].UnionWith(pair.Value.Select(fact => new ConditionTest(FactTypes.Prefix.ToString(), fact)));
            }
        }

        // Likewise a holder's member the policy also reads outside a holding property is governed wherever it is read.
        foreach (var pair in paths)
        {
            if (!readOnAnyPath.Contains(pair.Key))
            {
                found[pair.Key].UnionWith(pair.Value.Select(path => new ConditionTest(HolderPaths.Prefix.ToString(), path)));
            }
        }

        return found;
    }

    /// <summary>
    /// The <c>Conditions</c> item (<c>#count</c>) of a member a policy tests only to choose the items a query collects
    /// and counts (<c>Query(() =&gt; loans, q =&gt; q.Match&lt;Loan&gt;(l =&gt; l.Status == Active).Collect().Where(c =&gt; c.Count() &gt;= 5))</c>):
    /// the count is the decision, and the member's test elsewhere (a listing of active loans) is not that policy's.
    /// </summary>
    public static readonly ConditionTest CountedItems = new(CountedItemsPrefix.ToString(), "count");

    /// <summary>The first character of the <see cref="CountedItems"/> item.</summary>
    public const char CountedItemsPrefix = '#';

    /// <summary>
    /// A <c>Match</c> inside an NRules <c>Query(..)</c> whose items are collected (<c>.Collect()</c>): what it matches is
    /// what the query counts or sums, not a case decided on its own.
    /// </summary>
    public static bool IsCountedQueryMatch(InvocationExpressionSyntax invocation) =>
        InvokedName(invocation) == "Match"
        && invocation.Ancestors().OfType<InvocationExpressionSyntax>().FirstOrDefault(a => InvokedName(a) == "Query") is { } query
        && query.ArgumentList.Arguments.Any(argument => argument.Expression is LambdaExpressionSyntax builder
            && builder.Body.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>().Any(call => InvokedName(call) == "Collect")
            && builder.Body.Span.Contains(invocation.Span));

    /// <summary>
    /// The static type of the value a member's name is read on: <c>IndexerDefinition</c> for <c>Enable</c> in
    /// <c>d.Enable</c> or <c>d?.Enable</c>; null for a name read without a receiver.
    /// </summary>
    public static ITypeSymbol? ReceiverType(SyntaxNode name, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        ExpressionSyntax? receiver = name.Parent switch
        {
            MemberAccessExpressionSyntax access when access.Name == name => access.Expression,
            MemberBindingExpressionSyntax binding when binding.Name == name => binding.FirstAncestorOrSelf<ConditionalAccessExpressionSyntax>()?.Expression,
            _ => null,
        };
        if (receiver is null)
        {
            return null;
        }

        var type = semanticModel.GetTypeInfo(receiver, cancellationToken).Type;
        return ValueTracer.WithoutNullable(type);
    }

    /// <summary>
    /// Every domain member a condition lambda reads, tested or not (<c>d.CouponCode</c> in <c>!x.Codes.Contains(d.CouponCode)</c>),
    /// with the name that reads it; but join keys, navigation members and the lambda's scope flags, which it reads
    /// without deciding on them. The generator carries these and PA0006 asks for the same set.
    /// </summary>
    public static IEnumerable<(ISymbol Member, SyntaxNode Name)> ReadMembers(LambdaExpressionSyntax lambda, IOperation? operation, HashSet<ISymbol> qualifiers, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        var joinKeys = operation is null ? new HashSet<SyntaxNode>() : JoinKeys(operation);
        foreach (var name in lambda.Body.DescendantNodesAndSelf())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (name is SimpleNameSyntax
                && !name.AncestorsAndSelf().Any(joinKeys.Contains)
                && !IsPresenceTest(name)
                && !IsItemKeyPresenceTest(name, lambda)
                && semanticModel.GetSymbolInfo(name, cancellationToken).Symbol is { } symbol
                && !qualifiers.Contains(symbol.OriginalDefinition)
                && (IsDomainMember(symbol) || (IsInheritedFrameworkMember(symbol) && IsDomainType(ReceiverType(name, semanticModel, cancellationToken)))
                    || (IsFrameworkFactMember(symbol) && IsReadOnFrameworkFact(name, semanticModel, cancellationToken)))
                && !IsNavigation(symbol)
                && !Comparison.IsSmartState(symbol))
            {
                yield return (Definition(symbol), name);
            }
        }
    }

    /// <summary><c>t.SpecialPrice.HasValue</c>: asking whether a value is there is a guard, not a read of the value.</summary>
    private static bool IsPresenceTest(SyntaxNode name)
    {
        var access = AccessOf(name);
        return access.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "HasValue" } presence && presence.Expression == access;
    }

    /// <summary>
    /// <c>s.RegistrationId == null</c> inside an item predicate nested in the condition: which items are counted, not a
    /// read the rule decides on (see <see cref="PicksItemsByAKey"/>, its counterpart over operations).
    /// </summary>
    private static bool IsItemKeyPresenceTest(SyntaxNode name, LambdaExpressionSyntax condition) =>
        name is SimpleNameSyntax simple
        && OperandName.Words(simple.Identifier.ValueText).Contains("id")
        && IsNullTest(AccessOf(name))
        && name.FirstAncestorOrSelf<LambdaExpressionSyntax>() is { } itemPredicate
        && itemPredicate != condition;

    /// <summary><c>x == null</c>, <c>x != null</c>, <c>x is null</c>, <c>x is not null</c>, with <paramref name="access"/> as <c>x</c>.</summary>
    private static bool IsNullTest(SyntaxNode access) => access.Parent switch
    {
        BinaryExpressionSyntax test when test.IsKind(SyntaxKind.EqualsExpression) || test.IsKind(SyntaxKind.NotEqualsExpression) =>
            test.Left.IsKind(SyntaxKind.NullLiteralExpression) || test.Right.IsKind(SyntaxKind.NullLiteralExpression),
        IsPatternExpressionSyntax { Pattern: var pattern } =>
            (pattern is UnaryPatternSyntax { Pattern: var inner } ? inner : pattern) is ConstantPatternSyntax { Expression: var constant } && constant.IsKind(SyntaxKind.NullLiteralExpression),
        _ => false,
    };

    /// <summary>The expression a member's name reads it through: <c>d.CouponCode</c> for <c>CouponCode</c>, or the name itself.</summary>
    public static SyntaxNode AccessOf(SyntaxNode name) =>
        name.Parent is MemberAccessExpressionSyntax member && member.Name == name ? member : name;

    /// <summary>The comparisons, patterns and flags of one condition, recorded against the member they test, but for its scope qualifiers.</summary>
    private static void CollectTests(IOperation condition, HashSet<ISymbol> qualifiers, SortedDictionary<string, SortedSet<ConditionTest>> found) =>
        ForEachTest(condition, (read, test, _) =>
        {
            if (!qualifiers.Contains(read.Member.OriginalDefinition))
            {
                Record(found, read, test);
            }
        });

    /// <summary>The companions of an enum state's test (see <see cref="FlagCompanions"/>); none for any other test.</summary>
    private static IReadOnlyList<string>? StateCompanions(IOperation at, MemberRead read, IOperation condition)
    {
        if (read.Kind != ReadKind.Value || !ValueTracer.IsEnumStateType(read.MemberType))
        {
            return null;
        }

        return FlagCompanions.Of(at, read, condition, state: true);
    }

    /// <summary>The other terms of the same fact a presence test (<c>o.PaymentId == null</c>) is conjoined with (see <see cref="FlagCompanions"/>).</summary>
    private static IReadOnlyList<string>? PresenceCompanions(IOperation at, MemberRead read, IOperation condition) =>
        read.Kind == ReadKind.Value ? FlagCompanions.Of(at, read, condition, presence: true) : null;

    /// <summary>
    /// A property or field a framework base class gives the business's own type (<c>TwoFactorEnabled</c>,
    /// <c>LockoutEnd</c> and <c>EmailConfirmed</c> of an <c>ApplicationUser : IdentityUser</c>), holding a plain value. A
    /// condition that reads it on the business's type governs it there, narrowed to that type (see <see cref="FactTypes"/>).
    /// </summary>
    public static bool IsInheritedFrameworkMember(ISymbol symbol) =>
        symbol is IPropertySymbol { IsStatic: false, IsIndexer: false } or IFieldSymbol { IsStatic: false, IsConst: false }
        && symbol.ContainingType is { TypeKind: TypeKind.Class, IsSealed: false, IsStatic: false }
        && PolicyAuditTypes.IsFramework(symbol)
        && !IsNavigation(symbol)
        && ValueType(symbol) is { } type
        && !type.AllInterfaces.Any(i => i.SpecialType == SpecialType.System_Collections_IEnumerable);

    /// <summary>
    /// A member of a framework type that a condition may read on a fact of that very type: <c>u.IsInRole(Roles.Admin)</c>
    /// on a <c>ClaimsPrincipal</c> fact. The policy's fact is then the framework's own object, and the member is what it
    /// decides on; see <see cref="IsReadOnFrameworkFact"/>.
    /// </summary>
    public static bool IsFrameworkFactMember(ISymbol symbol) =>
        !symbol.IsStatic
        && symbol is IMethodSymbol { MethodKind: MethodKind.Ordinary, Name: not ("Equals" or "GetHashCode" or "ToString" or "CompareTo" or "GetType") }
            or IPropertySymbol { IsIndexer: false }
        && symbol.ContainingType is not null
        && PolicyAuditTypes.IsFramework(symbol);

    /// <summary><c>u.IsInRole(..)</c> where <c>u</c> is the condition's own fact parameter and its type is the framework's.</summary>
    private static bool IsReadOnFrameworkFact(SyntaxNode name, SemanticModel semanticModel, CancellationToken cancellationToken) =>
        name.Parent is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax receiver } access && access.Name == name
        && semanticModel.GetSymbolInfo(receiver, cancellationToken).Symbol is IParameterSymbol { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } } fact
        && IsFrameworkObjectFact(fact.Type);

    /// <summary>As <see cref="IsReadOnFrameworkFact(SyntaxNode, SemanticModel, CancellationToken)"/>, for a read found in a condition's operations.</summary>
    private static bool IsReadOnFrameworkFact(MemberRead read) =>
        IsFrameworkFactMember(read.Member)
        && ValueTracer.Strip(read.Instance) is IParameterReferenceOperation { Parameter: { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } } fact }
        && IsFrameworkObjectFact(fact.Type);

    /// <summary>
    /// A framework class or interface a fact can be (<c>ClaimsPrincipal</c>), not a collection (<c>list.Count</c> governs
    /// the collection's owner, not every list) nor a value (<c>DateTime</c>, whose members are listed by hand if meant).
    /// </summary>
    private static bool IsFrameworkObjectFact(ITypeSymbol type) =>
        type is INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Interface, SpecialType: SpecialType.None } named
        && PolicyAuditTypes.IsFramework(named)
        && !named.AllInterfaces.Any(i => i.SpecialType == SpecialType.System_Collections_IEnumerable)
        && named.SpecialType != SpecialType.System_Collections_IEnumerable;

    /// <summary>A type of the business's own (not the framework's), which a fact can be.</summary>
    private static bool IsDomainType(ITypeSymbol? type) =>
        ValueTracer.WithoutNullable(type) is INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } named
        && !PolicyAuditTypes.IsFramework(named)
        && PolicyAuditTypes.RootNamespaceOf(named) is not ("NRules" or PolicyAuditTypes.RootNamespace);

    /// <summary>A member a condition can test: a domain member that is not a navigation to another entity.</summary>
    public static bool IsTestedMember(ISymbol symbol) => IsDomainMember(symbol) && !IsNavigation(symbol) && !Comparison.IsSmartState(symbol);

    /// <summary>A flag: a <c>bool</c> or <c>bool?</c> property, field or method.</summary>
    public static bool IsBoolean(ISymbol member) => ValueTracer.IsFlagType(ValueType(member));

    /// <summary>
    /// Calls <paramref name="onTest"/> for each test a condition makes of a domain member: comparisons (including
    /// <c>Equals</c> and <c>CompareTo</c>), relational and constant patterns, and flags tested alone.
    /// </summary>
    public static void ForEachTest(IOperation condition, Action<MemberRead, ConditionTest, IOperation> onTest)
    {
        Func<ISymbol, bool> isTested = symbol => IsTestedMember(symbol) || IsInheritedFrameworkMember(symbol) || IsFrameworkFactMember(symbol);
        var reported = onTest;
        onTest = (read, test, at) =>
        {
            // A framework member counts only as the business's own type's (`u.TwoFactorEnabled` on an ApplicationUser), or
            // read on a fact that is the framework's own object (`u.IsInRole(Roles.Admin)` on a ClaimsPrincipal).
            if (IsDomainMember(read.Member) || IsDomainType(read.Instance?.Type) || IsReadOnFrameworkFact(read))
            {
                reported(read, test, at);
            }
        };
        foreach (var operation in condition.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IBinaryOperation or IInvocationOperation { TargetMethod.Name: "Equals" } when OwnershipTest.Of(operation, condition, isTested) is { Count: > 0 } owned:
                    foreach (var (key, op) in owned)
                    {
                        onTest(key, new ConditionTest(op, Comparison.OwnerKey), operation);
                    }

                    break;
                case IBinaryOperation or IInvocationOperation { TargetMethod.Name: "Equals" } when !IsJoin(operation, isTested) && !IsItemKeyMatch(operation) && Comparison.From(operation) is { } pair:
                    foreach (var comparison in new[] { pair.First, pair.Second })
                    {
                        if (comparison.Other is not null
                            && (ValueTracer.Find(comparison.Operand, isTested) ?? PresenceOfNavigation(comparison.Operand, comparison.Other, condition)) is { Kind: not (ReadKind.NotEmpty or ReadKind.AnyMatching) } read)
                        {
                            var value = Comparison.ValueKey(comparison.Other) ?? SameMemberComparison(comparison, read, isTested) ?? DateOrdering(comparison, read);
                            if (value == "null" && (GuardsAReadOfTheMember(read, operation) || PicksItemsByAKey(read, operation, condition)))
                            {
                                continue;
                            }

                            var test = new ConditionTest(comparison.Operator, value, read.Key, value == "null" ? PresenceCompanions(operation, read, condition) : StateCompanions(operation, read, condition));
                            onTest(read, test, operation);
                            foreach (var other in OtherTermsOf(comparison.Operand, read.Member, isTested))
                            {
                                onTest(other, test, operation);
                            }
                        }
                    }

                    break;
                case IIsPatternOperation isPattern when (ValueTracer.Find(isPattern.Value, isTested) ?? PresenceOfNavigation(isPattern.Value, isPattern.Pattern, condition)) is { } read:
                    var companions = StateCompanions(operation, read, condition);
                    foreach (var test in PatternTests(isPattern.Pattern))
                    {
                        if (test.Value == "null" && (GuardsAReadOfTheMember(read, operation) || PicksItemsByAKey(read, operation, condition)))
                        {
                            continue;
                        }

                        onTest(read, new ConditionTest(test.Operator, test.Value, test.Key, companions), operation);
                    }

                    break;
                case IInvocationOperation empty
                    when ValueTracer.IsEmptinessTest(empty)
                        && ValueTracer.Find(empty.Arguments[0].Value, isTested) is { Kind: ReadKind.Value } text
                        && IsTestedAlone(operation, out var filled):
                    // `!string.IsNullOrEmpty(c.AdminPassword)`: whether the setting is there, as `!= null` asks.
                    onTest(text, new ConditionTest(filled ? "!=" : "==", "null", null, PresenceCompanions(operation, text, condition)), operation);
                    break;
                case IInvocationOperation hasFlag
                    when ValueTracer.IsHasFlag(hasFlag)
                        && ValueTracer.Find(hasFlag.Instance, isTested) is { Kind: ReadKind.Value } state
                        && Comparison.ValueKey(hasFlag.Arguments[0].Value) is { } flag
                        && IsTestedAlone(operation, out var without):
                    // `o.Options.HasFlag(OnlyOnSucceeded)` names that state, as `o.Options == OnlyOnSucceeded` would.
                    onTest(state, new ConditionTest(without ? "!=" : "==", flag), operation);
                    break;
                case IInvocationOperation call when Membership.Of(call, isTested) is { } collection && !IsMembershipJoin(call, isTested)
                    && IsTestedAlone(operation, out var outside):
                    onTest(collection, new ConditionTest("==", outside ? Membership.Outside : Membership.Inside, collection.Key), operation);
                    break;
                case IPropertyReferenceOperation { Property.Name: "HasValue", Instance: { } held }
                    when held.Type?.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T
                        && ValueTracer.Find(held, isTested) is { Kind: ReadKind.Value } present
                        && IsTestedAlone(operation, out var absent):
                    // `p.PointsAwarded.HasValue` asks what `p.PointsAwarded != null` asks, unless it guards a read of the value.
                    if (!GuardsAReadOfTheMember(present, operation) && !PicksItemsByAKey(present, operation, condition))
                    {
                        onTest(present, new ConditionTest(absent ? "==" : "!=", "null", null, PresenceCompanions(operation, present, condition)), operation);
                    }

                    break;
                case IPropertyReferenceOperation or IFieldReferenceOperation or IInvocationOperation
                    when operation.Type?.SpecialType == SpecialType.System_Boolean && IsTestedAlone(operation, out var negated)
                        && ValueTracer.Find(operation, isTested) is { Kind: not ReadKind.Derived } flag:
                    // `Any(pred)` asks whether some item matches, a membership test; a bare `Any()` asks for a count.
                    onTest(flag, flag.Kind switch
                    {
                        ReadKind.NotEmpty => new ConditionTest(negated ? "==" : "!=", "0"),
                        ReadKind.AnyMatching => new ConditionTest("==", negated ? Membership.Outside : Membership.Inside, flag.Key),
                        _ => new ConditionTest("==", negated ? "false" : "true", flag.Key, FlagCompanions.Of(operation, flag, condition)),
                    }, operation);
                    break;
            }
        }
    }

    /// <summary>
    /// <c>r.Spots.Count(s =&gt; s.RegistrationId == null) &gt;= r.MaximumAllowedImbalance</c>: a presence test of a
    /// foreign key inside an item predicate picks which items the rule counts or looks for (the seats with a free
    /// place); the question is the count against the limit. Code sets, clears and tests such keys as bookkeeping
    /// everywhere, so the key is not governed by this test.
    /// </summary>
    private static bool PicksItemsByAKey(MemberRead read, IOperation nullTest, IOperation condition) =>
        read.Member is IPropertySymbol or IFieldSymbol
        && OperandName.Words(read.Member.Name).Contains("id")
        && ScopeFlags.EnclosingLambda(nullTest) is { } lambda
        && lambda != condition
        && ScopeFlags.IsWithin(lambda, condition);

    /// <summary>
    /// <c>e.DateOfJoining != null &amp;&amp; request.TotalDays &gt; (e.DateOfJoining.Value.AddYears(1) &lt;= today ? 25 : 15)</c>:
    /// a presence test of a member the rule goes on to read through (its <c>Value</c>, a member of it, a call on it)
    /// guards that read, as in any code; the policy's question is the read, so the code's own null guards of the member
    /// are not its test. A comparison of the member itself with another fact's value (a join) keeps the presence test.
    /// </summary>
    private static bool GuardsAReadOfTheMember(MemberRead read, IOperation nullTest)
    {
        var member = read.Member.OriginalDefinition;
        bool IsTheMember(IOperation? operation) =>
            ValueTracer.Strip(operation) is IMemberReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Member.OriginalDefinition, member);

        foreach (var operation in ValueTracer.Root(nullTest).DescendantsAndSelf())
        {
            if (ScopeFlags.IsWithin(operation, nullTest))
            {
                continue;
            }

            switch (operation)
            {
                case IPropertyReferenceOperation { Property.Name: not "HasValue", Instance: var instance } when IsTheMember(instance):
                case IFieldReferenceOperation { Instance: var field } when IsTheMember(field):
                case IInvocationOperation { Instance: var target } when IsTheMember(target):
                    return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <see cref="Comparison.SameMemberKey"/> for an ordering or an equality of the member against itself on another fact
    /// (<c>c.Target.DepartmentId != c.Caller.DepartmentId</c>).
    /// </summary>
    private static string? SameMemberComparison(Comparison comparison, MemberRead read, Func<ISymbol, bool> isTested) =>
        comparison.Operator is "<" or "<=" or ">" or ">=" or "==" or "!="
        && ValueTracer.Find(comparison.Other, isTested) is { } other
        && SymbolEqualityComparer.Default.Equals(other.Member.OriginalDefinition, read.Member.OriginalDefinition)
            ? Comparison.SameMemberKey
            : null;

    /// <summary><see cref="Comparison.OtherDateKey"/> for an ordering of a date or time against another date that is not the clock.</summary>
    private static string? DateOrdering(Comparison comparison, MemberRead read) =>
        comparison.Operator is "<" or "<=" or ">" or ">="
        && comparison.Other is { } other
        && DateTimeTypes.IsDateOrTime(read.MemberType)
        && DateTimeTypes.IsDateOrTime(ValueTracer.Strip(other)?.Type)
        && !RangeOrdering.ReadsClock(other)
            ? Comparison.OtherDateKey
            : null;

    /// <summary>
    /// <c>!client.Scopes.Any(sc =&gt; sc.Name == s)</c>: an item of a collection matched by key to a value of the rule
    /// (not a constant) finds the item; the question is whether the collection holds it, a membership test of the
    /// collection, not a test of the key, whose every lookup elsewhere would otherwise be reported.
    /// </summary>
    private static bool IsItemKeyMatch(IOperation operation)
    {
        if (Comparison.From(operation) is not { } pair || pair.First.Operator is not ("==" or "!=")
            || pair.First.Other is null || ValueTracer.Strip(pair.First.Other)?.ConstantValue.HasValue == true
            || ValueTracer.Strip(pair.First.Operand)?.ConstantValue.HasValue == true)
        {
            return false;
        }

        if (ScopeFlags.EnclosingLambda(operation) is not { Symbol.Parameters.Length: 1 } itemLambda)
        {
            return false;
        }

        var item = itemLambda.Symbol.Parameters[0];
        var onItem = new[] { pair.First.Operand, pair.First.Other }.Count(side => SymbolEqualityComparer.Default.Equals(ValueTracer.RootSymbol(side), item));
        if (onItem != 1)
        {
            return false;
        }

        return ValueTracer.ArgumentOf(itemLambda) is { Parent: IInvocationOperation { TargetMethod.Name: "Any" or "All" or "Exists" or "Contains" or "FirstOrDefault" or "SingleOrDefault" or "Find" or "Count" } };
    }

    /// <summary>
    /// <c>c.CloseAction != null</c>, <c>c.CloseAction is not null</c>: whether a related record exists (the campaign has
    /// been closed) is a test of that navigation member, though its value, another entity, is never compared. Not when
    /// the rule reads through it (<c>t.OwnerUser != null &amp;&amp; e.UserId != t.OwnerUser.UserId</c>): then the
    /// presence test only guards that read.
    /// </summary>
    private static MemberRead? PresenceOfNavigation(IOperation operand, IOperation nullTest, IOperation condition)
    {
        var isNull = ValueTracer.Strip(nullTest) switch
        {
            IPatternOperation pattern => PatternTests(pattern).ToList() is { Count: > 0 } tests && tests.All(t => t.Value == "null"),
            { } other => Comparison.ValueKey(other) == "null",
            _ => false,
        };
        if (!isNull || ValueTracer.Find(operand, symbol => IsDomainMember(symbol) && IsNavigation(symbol)) is not { Kind: ReadKind.Value } read)
        {
            return null;
        }

        // Across the rule: `.Match(() => tag, t => t.OwnerUser != null).Match(() => e, e => e.UserId != tag.OwnerUser.UserId)`.
        var readThrough = ValueTracer.Root(condition).DescendantsAndSelf().Any(o => o is IMemberReferenceOperation { Instance: { } instance }
            && ValueTracer.Strip(instance) is IMemberReferenceOperation navigation
            && SymbolEqualityComparer.Default.Equals(navigation.Member.OriginalDefinition, read.Member.OriginalDefinition));
        return readThrough ? null : read;
    }

    /// <summary>
    /// <c>(r.At - o.CreatedOnUtc).TotalDays &gt;= s.ReturnDays</c>: every member an arithmetic value is computed from is
    /// compared, not only the first one found (which may be a host fact's member the Domain never sees).
    /// </summary>
    private static IEnumerable<MemberRead> OtherTermsOf(IOperation operand, ISymbol found, Func<ISymbol, bool> isTested)
    {
        var terms = new List<MemberRead>();
        CollectTerms(ValueTracer.Strip(operand), isTested, terms);
        return terms.Where(t => !SymbolEqualityComparer.Default.Equals(t.Member, found));
    }

    private static void CollectTerms(IOperation? operation, Func<ISymbol, bool> isTested, List<MemberRead> terms)
    {
        switch (ValueTracer.Strip(operation))
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract or BinaryOperatorKind.Multiply or BinaryOperatorKind.Divide } binary:
                CollectTerms(binary.LeftOperand, isTested, terms);
                CollectTerms(binary.RightOperand, isTested, terms);
                break;
            case IPropertyReferenceOperation { Instance: { } instance } property when ValueTracer.IsFramework(property.Property.ContainingType):
                CollectTerms(instance, isTested, terms);
                break;
            case { } term when ValueTracer.Find(term, isTested) is { } read:
                terms.Add(read.As(ReadKind.Derived));
                break;
        }
    }

    /// <summary>
    /// <c>r.ProductId == product.Id</c>: an equality between members of two different facts matches them up (a join);
    /// it tests neither key. Governing the keys would make every lookup by id anywhere look like the policy.
    /// </summary>
    private static bool IsJoin(IOperation operation, Func<ISymbol, bool> isTested)
    {
        if (operation is IInvocationOperation call && call.TargetMethod.Name != "Equals")
        {
            return IsMembershipJoin(call, isTested);
        }

        if (Comparison.From(operation) is not { } pair || pair.First.Operator is not ("==" or "!=") || pair.First.Other is null)
        {
            return false;
        }

        var left = ValueTracer.Find(pair.First.Operand, isTested);
        var right = ValueTracer.Find(pair.First.Other, isTested);
        return left is { Kind: ReadKind.Value } && right is { Kind: ReadKind.Value }
            && !ValueTracer.IsStateType(left.Value.MemberType)
            && !SymbolEqualityComparer.Default.Equals(ValueTracer.RootSymbol(left.Value.Instance), ValueTracer.RootSymbol(right.Value.Instance));
    }

    /// <summary>
    /// <c>c.Groups.Contains(gr.Id)</c>: a fact's list of another fact's ids matches the two up, as an equality of keys
    /// does. Only the other fact's own identity makes it a join: <c>x.Codes.Contains(d.CouponCode)</c> tests the coupon's
    /// code, and <c>u.AllowedDevices.Contains(x.DeviceId)</c> whether the device is allowed. Governing <c>Id</c>, which every entity inherits, would report every lookup by id.
    /// </summary>
    private static bool IsMembershipJoin(IInvocationOperation call, Func<ISymbol, bool> isTested)
    {
        if (call.TargetMethod.Name != "Contains" || call.Type?.SpecialType != SpecialType.System_Boolean)
        {
            return false;
        }

        var (collection, item) = Membership.Parts(call);
        return ValueTracer.Find(collection, isTested) is { } list
            && ValueTracer.Find(item, isTested) is { Kind: ReadKind.Value } key
            && IsIdentityKey(key.Member)
            && !SymbolEqualityComparer.Default.Equals(ValueTracer.RootSymbol(list.Instance, throughCalls: true), ValueTracer.RootSymbol(key.Instance, throughCalls: true));
    }

    /// <summary>An entity's own identity: <c>Id</c>, or its type's name and <c>Id</c> (<c>Group.GroupId</c>); not a reference to another (<c>x.DeviceId</c>).</summary>
    internal static bool IsIdentityKey(ISymbol member) =>
        string.Equals(member.Name, "Id", StringComparison.OrdinalIgnoreCase)
        || string.Equals(member.Name, member.ContainingType?.Name + "Id", StringComparison.OrdinalIgnoreCase);

    /// <summary>The operands of every join in a condition, whose names are keys rather than tested members.</summary>
    internal static HashSet<SyntaxNode> JoinKeys(IOperation condition)
    {
        Func<ISymbol, bool> isTested = IsTestedMember;
        var keys = new HashSet<SyntaxNode>();
        foreach (var operation in condition.DescendantsAndSelf())
        {
            if (operation is IBinaryOperation binary && (IsJoin(binary, isTested) || IsItemKeyMatch(binary)))
            {
                keys.Add(binary.LeftOperand.Syntax);
                keys.Add(binary.RightOperand.Syntax);
            }
            else if (operation is IInvocationOperation { TargetMethod.Name: "Equals" } equals && IsJoin(equals, isTested) && Comparison.From(equals) is { } pair)
            {
                // `string.Equals(u.Id, request.CreatedBy.Id, OrdinalIgnoreCase)` matches keys as `==` does.
                keys.Add(pair.First.Operand.Syntax);
                keys.Add(pair.First.Other!.Syntax);
            }
            else if (operation is IInvocationOperation call && IsMembershipJoin(call, isTested))
            {
                keys.UnionWith(call.Arguments.Select(argument => argument.Value.Syntax));
                if (call.Instance is not null)
                {
                    keys.Add(call.Instance.Syntax);
                }
            }
        }

        return keys;
    }

    private static IEnumerable<ConditionTest> PatternTests(IPatternOperation pattern)
    {
        switch (pattern)
        {
            case IRelationalPatternOperation relational:
                yield return new ConditionTest(Comparison.OperatorText(relational.OperatorKind) ?? "==", Comparison.ValueKey(relational.Value));
                break;
            case IConstantPatternOperation constant:
                yield return new ConditionTest("==", Comparison.ValueKey(constant.Value));
                break;
            case IBinaryPatternOperation binary:
                foreach (var test in PatternTests(binary.LeftPattern).Concat(PatternTests(binary.RightPattern)))
                {
                    yield return test;
                }

                break;
            case INegatedPatternOperation negated:
                foreach (var test in PatternTests(negated.Pattern))
                {
                    yield return test;
                }

                break;
        }
    }

    /// <summary>A boolean used as a condition by itself (<c>o =&gt; o.IsOpened</c>, <c>!o.IsOpened &amp;&amp; ...</c>), not compared.</summary>
    private static bool IsTestedAlone(IOperation operation, out bool negated)
    {
        var parent = AboveNegations(operation, out negated);
        return parent is IReturnOperation or IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr or BinaryOperatorKind.And or BinaryOperatorKind.Or };
    }

    /// <summary>
    /// The operation above the conversions, parentheses and <c>!</c> around <paramref name="operation"/>, and whether an
    /// odd number of <c>!</c> negate it (<c>!u.Equals(room.Host)</c>).
    /// </summary>
    internal static IOperation? AboveNegations(IOperation operation, out bool negated)
    {
        negated = false;
        var parent = operation.Parent;
        while (parent is IConversionOperation or IParenthesizedOperation or IUnaryOperation { OperatorKind: UnaryOperatorKind.Not })
        {
            negated ^= parent is IUnaryOperation;
            parent = parent.Parent;
        }

        return parent;
    }

    private static void Record(SortedDictionary<string, SortedSet<ConditionTest>> found, MemberRead read, ConditionTest test)
    {
        if (Id(read.Member) is not { } id)
        {
            return;
        }

        if (!found.TryGetValue(id, out var tests))
        {
            found.Add(id, tests = new SortedSet<ConditionTest>());
        }

        tests.Add(test);
    }

    private static string? Id(ISymbol symbol) => Definition(symbol).GetDocumentationCommentId();

    /// <summary>The declaration a read names: an extension method's static form, a generic member's definition.</summary>
    private static ISymbol Definition(ISymbol symbol) => symbol is IMethodSymbol method ? ValueTracer.Definition(method) : symbol.OriginalDefinition;

    public static string InvokedName(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        _ => string.Empty,
    };

    /// <summary>
    /// A member holding another domain object (<c>o.Customer</c> in <c>o.Customer.Visits &gt; 10</c>): the condition
    /// reaches the value it decides on through it, so governing it would flag every comparison of customers.
    /// </summary>
    internal static bool IsNavigation(ISymbol symbol)
    {
        var type = ValueType(symbol);
        return type is { TypeKind: TypeKind.Class or TypeKind.Interface, SpecialType: SpecialType.None }
            && !type.AllInterfaces.Any(i => i.SpecialType == SpecialType.System_Collections_IEnumerable)
            && !IsOrderedValue(type)
            && !Comparison.IsSmartEnumType(type);
    }

    /// <summary>
    /// A value object written as a class (<c>Money</c> with its own <c>&lt;</c>, or <c>IComparable&lt;Money&gt;</c>): the
    /// policy compares it as it compares a number (<c>a.TotalInputAmount &lt; p.MinAmount</c>), so it is a value, not a
    /// navigation to another entity.
    /// </summary>
    private static bool IsOrderedValue(ITypeSymbol type)
    {
        if (type.AllInterfaces.Any(i => i.Name == "IComparable" && PolicyAuditTypes.RootNamespaceOf(i) == "System"))
        {
            return true;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.GetMembers("op_LessThan").Any() || current.GetMembers("op_GreaterThan").Any())
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The type of the value a property, field or method gives; null for any other symbol.</summary>
    private static ITypeSymbol? ValueType(ISymbol symbol) => symbol switch
    {
        IPropertySymbol property => property.Type,
        IFieldSymbol field => field.Type,
        IMethodSymbol method => method.ReturnType,
        _ => null,
    };

    /// <summary>
    /// Members of the business's own types: framework members (<c>List.Count</c>, <c>string.Length</c>) and
    /// PolicyAudit's own would otherwise make every such comparison anywhere look like a policy check.
    /// </summary>
    public static bool IsDomainMember(ISymbol symbol)
    {
        switch (symbol)
        {
            case IPropertySymbol:
            case IFieldSymbol { IsConst: false }:
            case IMethodSymbol { MethodKind: MethodKind.Ordinary }:
            case IMethodSymbol { MethodKind: MethodKind.ReducedExtension }:
                break;
            default:
                return false;
        }

        // A value's own equality or text (`plan.Owner.Equals(x.Actor)`) compares or shows it; governing the method
        // would report every equality of that type.
        if (symbol is IMethodSymbol { Name: "Equals" or "GetHashCode" or "ToString" or "CompareTo" })
        {
            return false;
        }

        return symbol.ContainingType is not null
            && !PolicyAuditTypes.IsFramework(symbol)
            && PolicyAuditTypes.RootNamespaceOf(symbol) is not ("NRules" or PolicyAuditTypes.RootNamespace);
    }
}
