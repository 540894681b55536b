namespace PolicyAudit;

/// <summary>
/// What was decided, carried inside an override record so the override stands as evidence on its own, even if the
/// decision log lost the decision's record. Immutable.
/// </summary>
public sealed record DecisionSnapshot
{
    /// <summary>When the decision was made.</summary>
    public required DateTimeOffset DecidedAt { get; init; }

    /// <summary>The decision's outcome.</summary>
    public required DecisionOutcome Outcome { get; init; }

    /// <summary>
    /// The policies that denied or required approval, each with its own outcome, reason and authority (in snapshots
    /// written before decisions kept per-policy outcomes, the determining policies).
    /// </summary>
    public required IReadOnlyList<PolicySnapshot> Policies { get; init; }

    /// <summary>The policy set version; null when unknown (imported evidence).</summary>
    public string? PolicySetVersion { get; init; }

    /// <summary>The digest of the facts; null when unknown (imported evidence).</summary>
    public string? FactsDigest { get; init; }

    /// <summary>The customer's id; null when anonymous.</summary>
    public string? Customer { get; init; }

    /// <summary>The location; null when unknown.</summary>
    public string? Location { get; init; }

    /// <summary>The snapshot of a decision.</summary>
    /// <param name="decision">The decision.</param>
    /// <returns>The snapshot.</returns>
    public static DecisionSnapshot From(Decision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return new DecisionSnapshot
        {
            DecidedAt = decision.At,
            Outcome = decision.Outcome,
            Policies = decision.Restricting
                .Select(p => new PolicySnapshot(p.PolicyId, p.Outcome, p.Reason, p.OverridableBy)).ToArray(),
            PolicySetVersion = decision.PolicySetVersion,
            FactsDigest = decision.FactsDigest,
            Customer = decision.Context.Customer,
            Location = decision.Context.Location,
        };
    }
}
