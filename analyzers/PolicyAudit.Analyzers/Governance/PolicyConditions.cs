using System;
using System.Collections.Generic;

namespace PolicyAudit.Analyzers.Governance;

/// <summary>One policy's id and the members its conditions read; compared by value so the generator caches it.</summary>
internal sealed class PolicyConditions : IEquatable<PolicyConditions>
{
    public PolicyConditions(string policyId, IReadOnlyList<string> memberIds)
    {
        PolicyId = policyId;
        MemberIds = memberIds;
    }

    public string PolicyId { get; }

    public IReadOnlyList<string> MemberIds { get; }

    public bool Equals(PolicyConditions? other)
    {
        if (other is null || other.PolicyId != PolicyId || other.MemberIds.Count != MemberIds.Count)
        {
            return false;
        }

        for (var i = 0; i < MemberIds.Count; i++)
        {
            if (!string.Equals(MemberIds[i], other.MemberIds[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as PolicyConditions);

    public override int GetHashCode()
    {
        var hash = StringComparer.Ordinal.GetHashCode(PolicyId);
        foreach (var id in MemberIds)
        {
            hash = unchecked((hash * 31) + StringComparer.Ordinal.GetHashCode(id));
        }

        return hash;
    }
}
