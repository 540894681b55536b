using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PolicyAudit.Analyzers.Checks;

namespace PolicyAudit.Analyzers.Governance;

/// <summary>
/// The other grants over the same fact (flags and membership tests) that a flag is conjoined with in a policy
/// condition:
/// <c>HasPermission[14]</c> and <c>GetPreference[6]</c> for <c>!u.HasPermission(PermissionKind.IsAdministrator)</c> in
/// <c>!u.HasPermission(PermissionKind.EnableAllDevices) &amp;&amp; !u.HasPermission(PermissionKind.IsAdministrator) &amp;&amp; !u.GetPreference(PreferenceKind.EnabledDevices).Contains(x.DeviceId)</c>.
/// </summary>
/// <remarks>
/// Such a flag decides the policy only together with its companions: an exemption (administrators may use any device)
/// or one grant of several. The same flag tested where none of them is read asks another question, as the
/// administrator check of an administration page does, so PA0001 reports a flag test only where the method also reads
/// one of its companions. Only grants over the flag's own fact are companions: a switch conjoined with another fact's
/// state (<c>settings.AutoDelete &amp;&amp; request.Available</c>) is checked alone where the switch is read, and a
/// flag beside a threshold (<c>c.IsVip</c> beside <c>o.Total &gt; 100</c>) is the policy's own question. An actor's
/// role asked by a method (<c>e.IsAdmin()</c> of an employee, a user, a member) is a helper every role-gated feature
/// calls: when it has no companion of its own fact, the members that other facts' patterns test are its companions,
/// join keys included (<c>r.RoleId</c>, <c>a.DentistId</c>). It says whom the rule is for, and is the policy's check
/// only where the rule's subject is read too. Facts the
/// host builds (types declared beside the policy) give no companions, as the code computes them its own way; join
/// keys give none either. A flag under a <c>!</c> around a conjunction (<c>!(a &amp;&amp; b)</c>, a disjunction) has
/// none. Stateless and thread-safe.
/// </remarks>
internal static class FlagCompanions
{
    /// <summary>The companions of the flag tested at <paramref name="at"/> (read as <paramref name="flag"/>) in <paramref name="condition"/>, sorted.</summary>
    /// <param name="at">Where the flag or state is tested.</param>
    /// <param name="flag">The tested member.</param>
    /// <param name="condition">The condition lambda.</param>
    /// <param name="state">For an enum state (<c>r.Protocol == Usenet &amp;&amp; r.Age &gt; c.Retention</c>): every term of the
    /// same fact conjoined with it is a companion, thresholds included (<c>Age</c>). A state a rule is scoped to is
    /// switched on everywhere for dispatch and display; the policy's check reads the rest of the rule beside it, as a
    /// flag beside a threshold of its fact only scopes it (<see cref="ScopeFlags"/>).</param>
    /// <param name="presence">For a presence test (<c>o.PaymentId == null &amp;&amp; now.At &gt; o.PaymentExpiration</c>): as
    /// <paramref name="state"/>, whatever the other terms compare with; a presence test without companions is the
    /// policy's whole question (<c>c.OrderId != null</c>).</param>
    public static IReadOnlyList<string> Of(IOperation at, MemberRead flag, IOperation condition, bool state = false, bool presence = false)
    {
        state |= presence;
        if (ScopeFlags.ConjunctionOf(at) is not { } conjunction)
        {
            return [];
        }

        var own = ScopeFlags.NegatedSelf(at);
        if (ScopeFlags.FactOf(flag) is not { } fact)
        {
            return [];
        }

        var ownName = TermName(flag.Member, flag.Key);
        var policy = condition.SemanticModel?.GetEnclosingSymbol(condition.Syntax.SpanStart)?.ContainingType;
        var companions = new SortedSet<string>(StringComparer.Ordinal);
        var scopes = new List<(IOperation Scope, IOperation Condition)> { (conjunction, condition) };

        // A flag that is a whole conjunct of its lambda is conjoined with the rule's other patterns too.
        if (conjunction.Parent is IReturnOperation && ScopeFlags.EnclosingLambda(conjunction) is { } lambda)
        {
            scopes.AddRange(ScopeFlags.ConjoinedConditions(ScopeFlags.EnclosingCall(lambda)).Where(other => other != lambda).Select(other => ((IOperation)other.Body, (IOperation)other)));
        }

        // A state scopes a rule whose limit comes from data (`r.Age > config.Retention`, `x.Requested > x.Available`);
        // beside fixed numbers only (`c.Tier == Gold && c.Visits > 10`) it is the rule's own question, reported wherever
        // it is asked.
        if (state && !presence && !scopes.Any(scope => ComparesWithData(scope.Scope)))
        {
            return [];
        }

        foreach (var (scope, scoped) in scopes)
        {
            Collect(scope, own, ownName, fact, !state, policy, PolicyConditionScanner.JoinKeys(scoped), companions);
        }

        if (!state && companions.Count == 0 && flag.Member is IMethodSymbol && OwnershipTest.IsActorType(flag.Instance?.Type ?? flag.Member.ContainingType))
        {
            foreach (var (scope, _) in scopes)
            {
                CollectOtherFacts(scope, own, fact, policy, companions);
            }
        }

        return companions.ToList();
    }

    /// <summary>How a term is named in a condition's text and matched in code: the member's name, and a call's constant arguments.</summary>
    public static string TermName(ISymbol member, string? key) => member.Name + (key is null ? string.Empty : "[" + key + "]");

    /// <summary>The name of the term <paramref name="operation"/> reads, when it reads a property, field or method directly.</summary>
    public static string? TermNameOf(IOperation operation) => operation switch
    {
        IPropertyReferenceOperation property => TermName(property.Property, null),
        IFieldReferenceOperation { Field.IsConst: false } field => TermName(field.Field, null),
        IInvocationOperation invocation => TermName(ValueTracer.Definition(invocation.TargetMethod), ValueTracer.CallKey(invocation)),
        _ => null,
    };

    /// <summary>
    /// A flag (<c>u.AllDevices</c>, <c>u.HasPermission(..)</c>) or a collection asked about membership
    /// (<c>u.AllowedDevices.Contains(..)</c>): another grant beside the flag. A threshold (<c>o.Total &gt; 100</c> beside
    /// <c>c.IsVip</c>) is not: the flag is then the policy's own question about who qualifies.
    /// </summary>
    private static bool IsBooleanTerm(IOperation operation, ISymbol member)
    {
        if (PolicyConditionScanner.IsBoolean(member))
        {
            return true;
        }

        var value = operation;
        while (value.Parent is IConversionOperation or IParenthesizedOperation or IArgumentOperation)
        {
            value = value.Parent;
        }

        return value.Parent is IInvocationOperation { Type.SpecialType: SpecialType.System_Boolean } call
            && (call.Instance == value || (call.TargetMethod.IsExtensionMethod && call.Arguments.Length > 0 && call.Arguments[0] == value));
    }

    /// <summary>
    /// Whether <paramref name="scope"/> orders two values that are both read from facts (<c>x.Requested &gt;
    /// x.Available</c>, <c>r.Age &gt; config.Retention</c>), not a value against a constant or the clock
    /// (<c>o.PaidAt &lt; DateTime.UtcNow.AddDays(-30)</c>).
    /// </summary>
    private static bool ComparesWithData(IOperation scope) =>
        scope.DescendantsAndSelf().OfType<IBinaryOperation>().Any(comparison =>
            comparison.OperatorKind is BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual
                or BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual
            && ReadsFact(comparison.LeftOperand)
            && ReadsFact(comparison.RightOperand));

    private static bool ReadsFact(IOperation value) =>
        value.DescendantsAndSelf().Any(operation => operation switch
        {
            IPropertyReferenceOperation { Instance: not null } property => !ValueTracer.IsFramework(property.Property.ContainingType),
            IFieldReferenceOperation { Instance: not null } field => !ValueTracer.IsFramework(field.Field.ContainingType),
            _ => false,
        });

    /// <summary>
    /// A fact the host builds for the policies (<c>record DeviceSignIn(..)</c>): a type of the policy's own project that
    /// is declared beside it, in its namespace or its file. The Domain's types live in another project, or at least in
    /// another namespace; where the two cannot be told apart, the type counts as the host's, which leaves the flag
    /// without companions and reported as before.
    /// </summary>
    private static bool IsHostFact(INamedTypeSymbol? type, INamedTypeSymbol? policy)
    {
        if (type is null || policy is null)
        {
            return true;
        }

        if (!SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, policy.ContainingAssembly))
        {
            return false;
        }

        return type.ContainingNamespace.ToDisplayString() == policy.ContainingNamespace.ToDisplayString()
            || type.DeclaringSyntaxReferences.Any(t => policy.DeclaringSyntaxReferences.Any(p => p.SyntaxTree == t.SyntaxTree));
    }

    /// <summary>
    /// The members of other facts that the patterns conjoined with an actor's flag test (<c>e.IsAdmin()</c> beside
    /// <c>r.RoleId &lt; Secretary</c>, <c>e.IsOnlyDentist()</c> beside <c>a.DentistId != employee.EmployeeId</c>): the flag
    /// says whom the rule is for, the other fact's test what it refuses.
    /// </summary>
    private static void CollectOtherFacts(IOperation scope, IOperation own, object fact, INamedTypeSymbol? policy, SortedSet<string> companions)
    {
        foreach (var operation in scope.DescendantsAndSelf())
        {
            if (operation is not (IPropertyReferenceOperation or IFieldReferenceOperation or IInvocationOperation)
                || ScopeFlags.IsWithin(operation, own)
                || ValueTracer.Find(operation, PolicyConditionScanner.IsTestedMember) is not { } read
                || read.Instance is null
                || IsHostFact(read.Member.ContainingType, policy)
                || ScopeFlags.FactOf(read) is not { } other
                || ScopeFlags.SameFact(fact, other)
                || TermNameOf(operation) is not { } name
                || name.IndexOfAny(['&', ';']) >= 0)
            {
                continue;
            }

            companions.Add(name);
        }
    }

    private static void Collect(IOperation scope, IOperation own, string ownName, object fact, bool grantsOnly, INamedTypeSymbol? policy, HashSet<SyntaxNode> joinKeys, SortedSet<string> companions)
    {
        foreach (var operation in scope.DescendantsAndSelf())
        {
            var member = operation switch
            {
                IPropertyReferenceOperation property => property.Property,
                IFieldReferenceOperation field => field.Field,
                IInvocationOperation invocation => (ISymbol)ValueTracer.Definition(invocation.TargetMethod),
                _ => null,
            };

            if (member is null
                || !PolicyConditionScanner.IsTestedMember(member)
                || (grantsOnly && !IsBooleanTerm(operation, member))
                || IsHostFact(member.ContainingType, policy)
                || ScopeFlags.IsWithin(operation, own)
                || operation.Syntax.AncestorsAndSelf().Any(joinKeys.Contains)
                || TermNameOf(operation) is not { } name
                || name == ownName
                || name.IndexOfAny(['&', ';']) >= 0
                || ValueTracer.Find(operation, PolicyConditionScanner.IsTestedMember) is not { } read
                || !ScopeFlags.SameFact(fact, ScopeFlags.FactOf(read)))
            {
                continue;
            }

            companions.Add(name);
        }
    }
}
