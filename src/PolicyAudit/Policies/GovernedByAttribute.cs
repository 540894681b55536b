namespace PolicyAudit;

/// <summary>
/// Marks a host-application member whose value a policy decides, so that the PolicyAudit analyzer (PA0001) warns
/// about code that compares it by hand instead of asking <see cref="IPolicyEngine"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Method, AllowMultiple = true, Inherited = true)]
public sealed class GovernedByAttribute : Attribute
{
    /// <summary>Marks the member as governed by the policy with the given id.</summary>
    /// <param name="policyId">The id of the governing policy, as in <see cref="PolicyAttribute.Id"/>.</param>
    public GovernedByAttribute(string policyId) => PolicyId = policyId;

    /// <summary>The id of the governing policy.</summary>
    public string PolicyId { get; }

    /// <summary>
    /// How the policy's conditions test the member, <c>;</c>-separated (<c>==0</c>, <c>&gt;30</c>), as the analyzer's
    /// code fix writes it: a comparison with zero is then the policy rather than a guard, and the analyzer names the
    /// policy whose threshold a check repeats. Optional.
    /// </summary>
    public string? Conditions { get; set; }
}
