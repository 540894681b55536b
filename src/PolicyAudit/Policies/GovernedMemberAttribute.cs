using System.ComponentModel;

namespace PolicyAudit;

/// <summary>
/// Carries, in an assembly's metadata, a member that the assembly's policies read in their conditions, so that the
/// analyzer can flag hand-written checks of that member in the projects that reference the assembly. Written by the
/// PolicyAudit source generator; not meant to be written by hand.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class GovernedMemberAttribute : Attribute
{
    /// <summary>Records that <paramref name="documentationId"/> is governed by <paramref name="policyId"/>.</summary>
    /// <param name="documentationId">The member's documentation-comment id, e.g. <c>P:Shop.Order.DaysSincePurchase</c>.</param>
    /// <param name="policyId">The id of the policy whose conditions read the member.</param>
    public GovernedMemberAttribute(string documentationId, string policyId)
    {
        DocumentationId = documentationId;
        PolicyId = policyId;
    }

    /// <summary>The member's documentation-comment id.</summary>
    public string DocumentationId { get; }

    /// <summary>The id of the policy whose conditions read the member.</summary>
    public string PolicyId { get; }

    /// <summary>
    /// How the policy's conditions test the member, <c>;</c>-separated (<c>&gt;30</c>, <c>==true</c>, <c>!=0</c>), so that
    /// the analyzer names the policy whose threshold a hand-written check repeats; null when not known.
    /// </summary>
    public string? Conditions { get; set; }
}
