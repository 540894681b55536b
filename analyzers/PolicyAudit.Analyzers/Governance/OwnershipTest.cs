using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PolicyAudit.Analyzers.Checks;

namespace PolicyAudit.Analyzers.Governance;

/// <summary>
/// A policy condition that matches a key of one fact with an actor of another: <c>u.Id != auction.OwnerId</c> (only
/// the owner), <c>b.BidderId == auction.SellerId</c> (not on one's own auction), <c>a.User.BankId != staff.BankId</c>
/// (only one's own bank's staff), <c>r.Creator != user</c>. Unlike a join that only pairs two facts up
/// (<c>r.ProductId == product.Id &amp;&amp; product.Stock &lt; r.Quantity</c>), the match is the decision, so the key
/// (<c>OwnerId</c>, <c>BankId</c>, <c>Creator</c>) is governed for it, recorded as <see cref="Comparison.OwnerKey"/>;
/// identities (<c>Id</c>) never are, as every lookup by id would then look like the policy.
/// </summary>
/// <remarks>
/// A <c>!=</c> between two facts' keys is always such a test: no join pairs facts up by inequality. An <c>==</c> is one
/// when a key, a navigation or a fact names an actor (user, member, owner, seller...) and nothing but keys is matched
/// in its pattern; an equality beside other tests of the facts (<c>c.Id == order.CustomerId &amp;&amp; c.IsBlocked</c>)
/// pairs them up for those tests.
/// </remarks>
internal static class OwnershipTest
{
    private static readonly string[] ActorWords =
    [
        "user", "member", "staff", "employee", "customer", "account", "player", "person", "people", "principal", "actor",
        "owner", "creator", "created", "author", "seller", "buyer", "bidder", "admin", "moderator", "manager", "agent",
        "requester", "requestor", "assignee", "assigned", "reviewer", "approver", "host", "organizer", "organiser",
        "participant", "attendee", "uploader", "poster", "sender", "submitter", "submitted", "operator", "supervisor",
        "teller", "tenant", "bank", "team", "organization", "organisation", "company", "caller", "editor", "publisher",
    ];

    /// <summary>
    /// The keys <paramref name="operation"/> (a comparison inside the condition lambda <paramref name="condition"/>)
    /// tests as an ownership match, each with the comparison's operator; empty when it is no such test.
    /// </summary>
    public static IReadOnlyList<(MemberRead Key, string Operator)> Of(IOperation operation, IOperation condition, Func<ISymbol, bool> isTested)
    {
        if (Comparison.From(operation) is not { } pair
            || pair.First.Operator is not ("==" or "!=")
            || pair.First.Other is null
            || ScopeFlags.EnclosingLambda(operation) is not { } lambda
            || lambda != condition)
        {
            return [];
        }

        var left = Side(pair.First.Operand, isTested);
        var right = Side(pair.First.Other, isTested);
        if (left.Root is null || right.Root is null || SymbolEqualityComparer.Default.Equals(left.Root, right.Root))
        {
            return [];
        }

        var keys = new List<MemberRead>();
        if (left.Key is { } leftKey && (right.Key is not null || right.Fact is not null && Holds(leftKey, right.Fact) || ActorAskedForItsId(pair.First.Other) is not null))
        {
            keys.Add(leftKey);
        }

        if (right.Key is { } rightKey && (left.Key is not null || left.Fact is not null && Holds(rightKey, left.Fact) || ActorAskedForItsId(pair.First.Operand) is not null))
        {
            keys.Add(rightKey);
        }

        // Two identities (`a.Id != u.Id`) match the facts themselves, and the actor's own id (`u.CurrentUserId`) is
        // who asks, read on every request: only the other fact's key says whose the thing is.
        keys.RemoveAll(key => IsActorsOwnKey(key.Member) && !PolicyConditionScanner.IsNavigation(key.Member));

        // `u.UserID != item.OwnerID`, `t.UserId != account.UserId`: of two keys, the one read on the actor (a user, a
        // caller's token) is who asks; the other says whose the thing is.
        if (keys.Count == 2 && IsActorType(TypeOf(left.Root)) != IsActorType(TypeOf(right.Root)))
        {
            var actorRoot = IsActorType(TypeOf(left.Root)) ? left.Root : right.Root;
            keys.RemoveAll(key => SymbolEqualityComparer.Default.Equals(ValueTracer.RootSymbol(key.Instance), actorRoot));
        }

        if (keys.Count == 0)
        {
            return [];
        }

        // `!u.Equals(room.Host)` asks `!=`.
        PolicyConditionScanner.AboveNegations(operation, out var negated);
        var op = negated ? Comparison.Negate(pair.First.Operator) : pair.First.Operator;
        if (op == "==" && !(NamesAnActor(left, right) && MatchesOnlyKeys(operation, lambda, isTested)))
        {
            return [];
        }

        return keys
            .GroupBy(key => key.Member.OriginalDefinition, SymbolEqualityComparer.Default)
            .Select(same => (same.First(), op))
            .ToList();
    }

    /// <summary>
    /// One side of the comparison: a key (a plain member of a fact, or the navigation an identity is read through:
    /// <c>Creator</c> in <c>r.Creator.Id</c>), or a whole fact (<c>user</c>), and the fact it is read from.
    /// </summary>
    private static (MemberRead? Key, ITypeSymbol? Fact, ISymbol? Root) Side(IOperation operand, Func<ISymbol, bool> isTested)
    {
        var stripped = ValueTracer.Strip(operand);
        var root = ValueTracer.RootSymbol(stripped);
        if (ActorAskedForItsId(stripped) is { } actor)
        {
            return (null, null, ValueTracer.RootSymbol(actor));
        }

        switch (stripped)
        {
            case ILocalReferenceOperation or IParameterReferenceOperation when IsDomainClass(stripped.Type):
                return (null, stripped.Type, root);
            case IPropertyReferenceOperation { Instance: { } instance } property when PolicyConditionScanner.IsNavigation(property.Property) && PolicyConditionScanner.IsDomainMember(property.Property):
                return (new MemberRead(property.Property, instance, ReadKind.Value), null, root);
            case IPropertyReferenceOperation { Instance: IPropertyReferenceOperation navigation } identity
                when PolicyConditionScanner.IsIdentityKey(identity.Property) && PolicyConditionScanner.IsNavigation(navigation.Property) && PolicyConditionScanner.IsDomainMember(navigation.Property)
                     && navigation.Instance is not null:
                return (new MemberRead(navigation.Property, navigation.Instance, ReadKind.Value), null, root);
        }

        // `u.Id` of an `IdentityUser` (a framework member, never tested itself) is still the actor's identity.
        if (stripped is IPropertyReferenceOperation { Instance: ILocalReferenceOperation or IParameterReferenceOperation } identityOfFact
            && PolicyConditionScanner.IsIdentityKey(identityOfFact.Property))
        {
            return (new MemberRead(identityOfFact.Property, identityOfFact.Instance, ReadKind.Value), null, root);
        }

        return ValueTracer.Find(stripped, isTested) is { Kind: ReadKind.Value } read
            && read.Member is IPropertySymbol or IFieldSymbol
            && !ValueTracer.IsStateType(read.MemberType)
            && !DateTimeTypes.IsDateOrTime(read.MemberType)
            ? (read, null, root)
            : (null, null, root);
    }

    /// <summary>
    /// The actor fact asked for its identity by a method rather than read from a member (<c>user</c> in
    /// <c>user.GetUserIdAsInt()</c>, <c>principal.GetId()</c>); null for any other value. A current-user service often
    /// has no id property at all.
    /// </summary>
    private static IOperation? ActorAskedForItsId(IOperation? operand)
    {
        if (ValueTracer.Strip(operand) is not IInvocationOperation invocation
            || invocation.Arguments.Length != (invocation.TargetMethod.IsExtensionMethod ? 1 : 0)
            || !OperandName.Words(invocation.TargetMethod.Name).Contains("id"))
        {
            return null;
        }

        var receiver = ValueTracer.Strip(invocation.Instance ?? invocation.Arguments.FirstOrDefault()?.Value);
        return receiver is ILocalReferenceOperation or IParameterReferenceOperation && IsActorType(receiver.Type) ? receiver : null;
    }

    /// <summary>An entity's own identity (<c>Id</c>, <c>UserId</c> of <c>User</c>) or the signed-in actor's (<c>CurrentUserId</c>).</summary>
    private static bool IsActorsOwnKey(ISymbol member) =>
        PolicyConditionScanner.IsIdentityKey(member) || member.Name.StartsWith("Current", StringComparison.Ordinal);

    /// <summary>A navigation compared with a whole fact it can hold: <c>r.Creator != user</c>.</summary>
    private static bool Holds(MemberRead key, ITypeSymbol fact) =>
        PolicyConditionScanner.IsNavigation(key.Member) && key.MemberType is INamedTypeSymbol type && fact is INamedTypeSymbol named
        && (FactTypes.SupertypesOf(named).Contains(type.OriginalDefinition, SymbolEqualityComparer.Default)
            || FactTypes.SupertypesOf(type).Contains(named.OriginalDefinition, SymbolEqualityComparer.Default));

    private static bool IsDomainClass(ITypeSymbol? type) =>
        type is { TypeKind: TypeKind.Class or TypeKind.Interface, SpecialType: SpecialType.None } && !ValueTracer.IsFramework(type)
        && PolicyAuditTypes.RootNamespaceOf(type) is not ("NRules" or PolicyAuditTypes.RootNamespace);

    private static bool NamesAnActor((MemberRead? Key, ITypeSymbol? Fact, ISymbol? Root) left, (MemberRead? Key, ITypeSymbol? Fact, ISymbol? Root) right) =>
        new[] { left, right }.Any(side =>
            (side.Key is { } key && (IsActorName(key.Member.Name) || IsActorName(key.MemberType?.Name)))
            || IsActorName(side.Fact?.Name)
            || IsActorName((side.Root as ILocalSymbol)?.Type.Name ?? (side.Root as IParameterSymbol)?.Type.Name));

    private static ITypeSymbol? TypeOf(ISymbol? root) => root switch
    {
        ILocalSymbol local => local.Type,
        IParameterSymbol parameter => parameter.Type,
        _ => null,
    };

    /// <summary>
    /// A type that stands for whoever asks, by its head noun: a user, member, staff, player (<c>MultiplayerRoomUser</c>,
    /// not <c>MultiplayerPlaylistItem</c>), the caller's token or session (<c>AuthToken</c>), or what answers for the
    /// signed-in actor (<c>ICurrentUserService</c>, <c>UserContext</c>, <c>IUserAccessor</c>).
    /// </summary>
    internal static bool IsActorType(ITypeSymbol? type)
    {
        if (type?.Name is not { } name)
        {
            return false;
        }

        var words = OperandName.Words(name).Where(word => word is not ("base" or "dto" or "entity" or "model" or "info" or "data" or "record")).ToList();
        if (words.Count > 1 && words[words.Count - 1] is "service" or "context" or "accessor" or "provider")
        {
            words.RemoveAt(words.Count - 1);
        }

        return words.Count > 0 && ActorTypeWords.Contains(words[words.Count - 1]);
    }

    private static readonly string[] ActorTypeWords =
    [
        "user", "member", "staff", "employee", "customer", "player", "person", "principal", "actor", "admin", "moderator",
        "agent", "operator", "caller", "token", "session", "identity", "viewer", "requester", "teller",
    ];

    /// <summary>A name with an actor's word among its words (<c>OwnerId</c>, <c>CreatedBy</c>, <c>SellerId</c>).</summary>
    private static bool IsActorName(string? name) =>
        name is not null && OperandName.Words(name).Any(word => ActorWords.Contains(word) || (word.EndsWith("s", StringComparison.Ordinal) && ActorWords.Contains(word.Substring(0, word.Length - 1))));

    /// <summary>
    /// True when every other conjunct of the condition, and every other condition of its pattern (not the fact's alias,
    /// <c>() =&gt; bid</c>), matches keys too: the equality is then the question, not the pairing of facts for another test.
    /// </summary>
    private static bool MatchesOnlyKeys(IOperation operation, IAnonymousFunctionOperation lambda, Func<ISymbol, bool> isTested)
    {
        var lambdas = ScopeFlags.EnclosingCall(lambda) is { } pattern
            ? pattern.Arguments.SelectMany(argument => ScopeFlags.Lambdas(argument.Value)).Where(other => other.Symbol.Parameters.Length > 0).ToList()
            : [lambda];
        if (!lambdas.Contains(lambda))
        {
            lambdas.Add(lambda);
        }

        foreach (var condition in lambdas)
        {
            if (ValueTracer.ReturnedValue(condition) is not { } body)
            {
                return false;
            }

            foreach (var conjunct in Conjuncts(body))
            {
                if (conjunct != ValueTracer.Strip(operation) && !IsKeyMatch(conjunct, isTested))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static IEnumerable<IOperation> Conjuncts(IOperation value)
    {
        var stripped = ValueTracer.Strip(value)!;
        if (stripped is IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } and)
        {
            return Conjuncts(and.LeftOperand).Concat(Conjuncts(and.RightOperand));
        }

        return [stripped];
    }

    /// <summary>An equality of two facts' members (a join), or of a navigation and a fact.</summary>
    private static bool IsKeyMatch(IOperation conjunct, Func<ISymbol, bool> isTested)
    {
        if (Comparison.From(conjunct) is not { } pair || pair.First.Operator != "==" || pair.First.Other is null)
        {
            return false;
        }

        var left = Side(pair.First.Operand, isTested);
        var right = Side(pair.First.Other, isTested);
        return left.Root is not null && right.Root is not null && !SymbolEqualityComparer.Default.Equals(left.Root, right.Root)
            && (left.Key is not null || left.Fact is not null) && (right.Key is not null || right.Fact is not null)
            && !(left.Fact is not null && right.Fact is not null);
    }
}
