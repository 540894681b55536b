using Microsoft.CodeAnalysis;

namespace PolicyAudit.Analyzers.Governance;

/// <summary>One line of <c>PolicyAudit.Governed.txt</c>: a member's documentation id and the policy governing it.</summary>
internal sealed class GovernedListEntry
{
    public GovernedListEntry(string documentationId, string policyId, Location documentationIdLocation, Location policyIdLocation)
    {
        DocumentationId = documentationId;
        DocumentationIdLocation = documentationIdLocation;
        PolicyId = policyId;
        PolicyIdLocation = policyIdLocation;
    }

    public string DocumentationId { get; }

    public string PolicyId { get; }

    /// <summary>Where the documentation id is written in the file, for PA0005.</summary>
    public Location DocumentationIdLocation { get; }

    /// <summary>Where the policy id is written in the file, for PA0004.</summary>
    public Location PolicyIdLocation { get; }
}
