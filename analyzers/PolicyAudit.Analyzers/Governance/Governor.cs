using System.Collections.Generic;

namespace PolicyAudit.Analyzers.Governance;

/// <summary>A policy that governs a member, with the tests its conditions make of it (none when only named, as by <c>[GovernedBy]</c>).</summary>
internal sealed class Governor
{
    public Governor(string policyId, IReadOnlyList<ConditionTest> tests)
    {
        PolicyId = policyId;
        Tests = tests;
    }

    public string PolicyId { get; }

    public IReadOnlyList<ConditionTest> Tests { get; }
}
