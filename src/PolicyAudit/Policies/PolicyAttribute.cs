namespace PolicyAudit;

/// <summary>
/// Declares a class deriving from <see cref="Policy"/> as a service policy: its id (kebab-case, unique in the policy
/// set), who owns it, who may override its decisions, and the rationale staff can read out to a customer.
/// </summary>
/// <example><code>
/// [Policy("refund-window", Title = "Refunds within 30 days", Owner = "store-operations",
///         OverridableBy = StaffRole.Supervisor,
///         Rationale = "Returned goods after a month can rarely be resold, which keeps prices down for everyone.")]
/// public sealed class RefundWindow : Policy { ... }
/// </code></example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class PolicyAttribute : Attribute
{
    /// <summary>Declares a policy with the given id.</summary>
    /// <param name="id">The policy id: kebab-case (<c>refund-window</c>), unique in the policy set.</param>
    public PolicyAttribute(string id) => Id = id;

    /// <summary>The policy id: kebab-case, unique in the policy set.</summary>
    public string Id { get; }

    /// <summary>A short human title; defaults to the id.</summary>
    public string? Title { get; set; }

    /// <summary>Who owns the policy: the person or team a review addresses its verdict to.</summary>
    public string? Owner { get; set; }

    /// <summary>
    /// The lowest role that may override this policy's decisions without an approver. <see cref="StaffRole.Nobody"/>
    /// means nobody can. Defaults to <see cref="StaffRole.Manager"/>.
    /// </summary>
    public StaffRole OverridableBy { get; set; } = StaffRole.Manager;

    /// <summary>Why the policy exists, in words staff can read out to a customer.</summary>
    public string? Rationale { get; set; }
}
