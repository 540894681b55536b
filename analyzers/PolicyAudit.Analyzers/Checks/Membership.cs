using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PolicyAudit.Analyzers.Checks;

/// <summary>
/// A membership test of a collection member: <c>u.GetPreference(PreferenceKind.EnabledDevices).Contains(deviceId)</c>,
/// <c>schedule.DayOfWeek.Contains(today)</c>, or <c>allowed.Contains(folder.Id)</c> over a local holding such a list;
/// also <c>ContainsKey</c> of a lookup and <c>Overlaps</c> of a set (<c>hidden.Overlaps(anime.Tags)</c>).
/// A policy records it as <c>==in</c> (or <c>==out</c> when negated); a check is reported only where a policy makes that
/// test of the same member, as a list read for anything else (its size, a listing) asks another question.
/// Stateless and thread-safe.
/// </summary>
internal static class Membership
{
    /// <summary>The value recorded for a member that must contain the item.</summary>
    public const string Inside = "in";

    /// <summary>The value recorded for a member that must not contain the item.</summary>
    public const string Outside = "out";

    /// <summary>
    /// The collection member <paramref name="call"/> asks about, when it is a <c>Contains</c> of a value that is not
    /// a constant on a value read from a candidate member (directly, or through a local or a call over it).
    /// </summary>
    /// <param name="call">The call.</param>
    /// <param name="isCandidate">Which members count.</param>
    /// <param name="constantItem">Whether a constant item counts too: in code, where a policy's test of any item
    /// (<c>AllowedGrantTypes.Contains(r.GrantType)</c>) covers a check of a named one
    /// (<c>AllowedGrantTypes.Contains(GrantType.Hybrid)</c>); not in a policy, whose constant item would make every
    /// check of another item look like it.</param>
    public static MemberRead? Of(IInvocationOperation call, Func<ISymbol, bool> isCandidate, bool constantItem = false)
    {
        // `ContainsKey` asks a lookup for a key, `Overlaps` a set for any of several items: both are membership tests.
        if (call.TargetMethod.Name is not ("Contains" or "ContainsKey" or "Overlaps") || call.Type?.SpecialType != SpecialType.System_Boolean)
        {
            return null;
        }

        var (collection, item) = Parts(call);
        if (collection is null || item is null || (!constantItem && ValueTracer.Strip(item)?.ConstantValue.HasValue == true)
            || collection.Type?.SpecialType == SpecialType.System_String)
        {
            return null;
        }

        return ValueTracer.Find(collection, isCandidate) is { Kind: not (ReadKind.NotEmpty or ReadKind.AnyMatching or ReadKind.Size) } read
            ? read.As(ReadKind.Value)
            : null;
    }

    /// <summary>
    /// The collection a <c>Contains</c> asks and the item it asks about, whether it is an instance method
    /// (<c>list.Contains(x)</c>) or an extension called on its receiver (<c>array.Contains(x)</c>, <c>Enumerable.Contains(array, x)</c>).
    /// </summary>
    public static (IOperation? Collection, IOperation? Item) Parts(IInvocationOperation call)
    {
        var extension = call.Instance is null && call.TargetMethod.IsExtensionMethod;
        var collection = extension ? (call.Arguments.Length > 0 ? call.Arguments[0].Value : null) : call.Instance;
        var item = call.Arguments.Length > (extension ? 1 : 0) ? call.Arguments[extension ? 1 : 0].Value : null;
        return (collection, item);
    }
}
