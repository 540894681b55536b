using System;
using System.Collections.Generic;

namespace PolicyAudit.Analyzers.Governance;

/// <summary>
/// One policy's id, the members its conditions read and, per member, the tests it makes (<c>&gt;30;==true</c>);
/// compared by value so the generator caches it.
/// </summary>
internal sealed class PolicyConditions : IEquatable<PolicyConditions>
{
    public PolicyConditions(string policyId, IReadOnlyList<string> memberIds, IReadOnlyList<string> tests)
    {
        PolicyId = policyId;
        MemberIds = memberIds;
        Tests = tests;
    }

    public string PolicyId { get; }

    public IReadOnlyList<string> MemberIds { get; }

    /// <summary>The tests of <see cref="MemberIds"/>' member at the same index, formatted; empty when none is known.</summary>
    public IReadOnlyList<string> Tests { get; }

    public bool Equals(PolicyConditions? other) =>
        other is not null
        && other.PolicyId == PolicyId
        && SameItems(other.MemberIds, MemberIds)
        && SameItems(other.Tests, Tests);

    public override bool Equals(object? obj) => Equals(obj as PolicyConditions);

    public override int GetHashCode()
    {
        var hash = StringComparer.Ordinal.GetHashCode(PolicyId);
        for (var i = 0; i < MemberIds.Count; i++)
        {
            hash = unchecked((hash * 31) + StringComparer.Ordinal.GetHashCode(MemberIds[i]));
            hash = unchecked((hash * 31) + StringComparer.Ordinal.GetHashCode(Tests[i]));
        }

        return hash;
    }

    private static bool SameItems(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Count; i++)
        {
            if (!string.Equals(a[i], b[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
