using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PolicyAudit.Analyzers.Checks;

namespace PolicyAudit.Analyzers.Governance;

/// <summary>
/// The property a policy reads a value holder's member through. A policy over <c>i.MaximumOrderQuantity.Value</c>,
/// where <c>Value</c> belongs to a content field type (<c>NumericField</c>) or a value object (<c>Amount</c>,
/// <c>Money</c>) that many properties hold, governs the maximum order quantity, not every tax rate and price held in the
/// same type. The generator and PA0006 record the holding property in <c>Conditions</c> as an item <c>^Name</c>; PA0001
/// then reports a read of the member through a property or field of that name, or through a value it cannot name (a
/// local, a parameter, a call's result), and not through another property.
/// </summary>
/// <remarks>
/// Only holders without an identity of their own (no <c>Id</c>), held by their owner under more than one name, are
/// narrowed. A member of an entity reached through a navigation (<c>o.Customer.Visits</c>) is that entity's, whatever
/// navigation leads to it.
/// </remarks>
internal static class HolderPaths
{
    /// <summary>The first character of a <c>Conditions</c> item that names a holding property rather than a test.</summary>
    public const char Prefix = '^';

    /// <summary>
    /// The holding property's name when <paramref name="instance"/>, the value a condition reads <paramref name="member"/>
    /// on, is another object's property or field of the member's own value-holder type; null otherwise.
    /// </summary>
    public static string? Narrowing(ISymbol member, IOperation? instance) =>
        HolderOf(instance) is { } holder && IsHolding(holder, member) ? holder.Name : null;

    /// <summary>The holding properties named by <c>^</c> items of a <c>Conditions</c> text; empty when none is.</summary>
    public static IReadOnlyList<string> Parse(string? conditions) => ConditionTest.ItemsAfter(conditions, Prefix);

    /// <summary>
    /// True when a member read on <paramref name="instance"/> may be the one the policy reads through one of
    /// <paramref name="paths"/>: none is named, the instance is no property or field of another object, or it has a named one's name.
    /// A parameter of a method of the holding type itself (<c>Wallet.Deposit(Money depositMoney)</c>, where the policy
    /// reads <c>Balance.Amount</c>) is the amount the owner is given, not the one it holds.
    /// </summary>
    public static bool Admits(IReadOnlyList<string> paths, IOperation? instance) =>
        paths.Count == 0
        || (HolderOf(instance) is { } holder ? paths.Contains(holder.Name, StringComparer.Ordinal) : !IsOwnersInput(paths, instance));

    private static bool IsOwnersInput(IReadOnlyList<string> paths, IOperation? instance)
    {
        if (ValueTracer.Strip(instance) is not IParameterReferenceOperation { Parameter.ContainingSymbol: IMethodSymbol method })
        {
            return false;
        }

        for (var owner = method.ContainingType; owner is not null && !ValueTracer.IsFramework(owner); owner = owner.BaseType)
        {
            if (paths.Any(path => owner.GetMembers(path).Any(member => member is IPropertySymbol or IFieldSymbol)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The property or field of another object a value is read from; null for a local, a parameter, a call.</summary>
    private static ISymbol? HolderOf(IOperation? instance) => ValueTracer.Strip(instance) switch
    {
        IPropertyReferenceOperation { Instance: not null } property => property.Property,
        IFieldReferenceOperation { Instance: not null } field => field.Field,
        _ => null,
    };

    /// <summary>Appends the path item for <paramref name="path"/> to a <c>Conditions</c> text.</summary>
    public static string With(string conditions, string? path) => ConditionTest.WithItem(conditions, Prefix, path);

    private static bool IsHolding(ISymbol holder, ISymbol member) =>
        ValueTracer.HeldType(holder) is INamedTypeSymbol named
            && member.ContainingType is { } declaring
            && !ValueTracer.IsFramework(named)
            && FactTypes.SupertypesOf(named).Contains(declaring.OriginalDefinition, SymbolEqualityComparer.Default)
            && !HasIdentity(named)
            && HoldsAnother(holder, named);

    /// <summary>
    /// True when the holding property's type holds another value of the same type (<c>MinimumOrderQuantity</c> beside
    /// <c>MaximumOrderQuantity</c>, <c>Tax</c> beside <c>Total</c>): a value type of the domain, where the name says
    /// which value it is; an entity's one navigation (<c>LastOrder</c>) leads to an entity.
    /// </summary>
    private static bool HoldsAnother(ISymbol holder, INamedTypeSymbol type)
    {
        for (var owner = holder.ContainingType; owner is not null && !ValueTracer.IsFramework(owner); owner = owner.BaseType)
        {
            foreach (var other in owner.GetMembers())
            {
                // A property's compiler-made backing field is not another value.
                var otherType = other is IFieldSymbol { IsImplicitlyDeclared: true } ? null : ValueTracer.HeldType(other);
                if (other.Name != holder.Name && SymbolEqualityComparer.Default.Equals(otherType?.OriginalDefinition, type.OriginalDefinition))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool HasIdentity(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.GetMembers().Any(m => m is IPropertySymbol or IFieldSymbol && PolicyConditionScanner.IsIdentityKey(m)))
            {
                return true;
            }
        }

        return false;
    }
}
