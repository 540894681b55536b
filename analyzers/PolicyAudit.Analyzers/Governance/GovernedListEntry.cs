using Microsoft.CodeAnalysis;

namespace PolicyAudit.Analyzers.Governance;

/// <summary>One line of <c>PolicyAudit.Governed.txt</c>: a member's documentation id and the policy governing it.</summary>
internal sealed class GovernedListEntry
{
    public GovernedListEntry(string documentationId, string policyId, Location policyIdLocation)
    {
        DocumentationId = documentationId;
        PolicyId = policyId;
        PolicyIdLocation = policyIdLocation;
    }

    public string DocumentationId { get; }

    public string PolicyId { get; }

    /// <summary>Where the policy id is written in the file, for PA0004.</summary>
    public Location PolicyIdLocation { get; }
}
