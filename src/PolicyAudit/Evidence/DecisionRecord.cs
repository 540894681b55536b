namespace PolicyAudit;

/// <summary>A decision, as evidence.</summary>
public sealed record DecisionRecord : EvidenceRecord
{
    /// <inheritdoc />
    public override EvidenceKind Kind => EvidenceKind.Decision;

    /// <summary>The combined outcome.</summary>
    public required DecisionOutcome Outcome { get; init; }

    /// <summary>The ids of the policies that fired, each once; the determining ones first.</summary>
    public required IReadOnlyList<string> Policies { get; init; }

    /// <summary>
    /// What each policy of <see cref="Policies"/> said itself, in the same order; null in records written before
    /// decisions kept it (store schema 1) and in imports that list bare policy ids. Use <see cref="OutcomeOf"/>.
    /// </summary>
    public IReadOnlyList<DecisionOutcome>? PolicyOutcomes { get; init; }

    /// <summary>The customer's id; null when anonymous.</summary>
    public string? Customer { get; init; }

    /// <summary>The id of the staff member serving; null when unknown.</summary>
    public string? Staff { get; init; }

    /// <summary>The location; null when unknown.</summary>
    public string? Location { get; init; }

    /// <summary>The policy set version; null for imported decisions.</summary>
    public string? PolicySetVersion { get; init; }

    /// <summary>The digest of the facts (of <see cref="Facts"/> when they are stored); null for imported decisions without facts.</summary>
    public string? FactsDigest { get; init; }

    /// <summary>
    /// The facts the decision was made on, masked and within the size limit; null when none were stored (records
    /// written before decisions kept facts, engines configured with <see cref="PolicyAuditOptions.StoreNoFacts"/>,
    /// imports without facts).
    /// </summary>
    public DecisionFacts? Facts { get; init; }

    /// <summary>
    /// What <paramref name="policyId"/> said in this decision: its own outcome when the record keeps it, otherwise
    /// (older and bare-id records) the decision's outcome, the most the record can tell.
    /// </summary>
    /// <param name="policyId">A policy id of <see cref="Policies"/>.</param>
    /// <returns>The policy's outcome.</returns>
    /// <exception cref="ArgumentException">The policy is not listed in the decision.</exception>
    public DecisionOutcome OutcomeOf(string policyId)
    {
        for (var i = 0; i < Policies.Count; i++)
        {
            if (string.Equals(Policies[i], policyId, StringComparison.Ordinal))
            {
                return PolicyOutcomes is { } outcomes ? outcomes[i] : Outcome;
            }
        }

        throw new ArgumentException($"Policy '{policyId}' is not listed in decision {Id}.", nameof(policyId));
    }

    /// <summary>Builds the record of a decision, without its facts.</summary>
    /// <param name="decision">The decision.</param>
    /// <returns>The record.</returns>
    public static DecisionRecord From(Decision decision) => From(decision, null);

    /// <summary>Builds the record of a decision with the facts it was made on.</summary>
    /// <param name="decision">The decision.</param>
    /// <param name="facts">The stored facts; their digest must be the decision's <see cref="Decision.FactsDigest"/>.</param>
    /// <returns>The record.</returns>
    /// <exception cref="ArgumentException"><paramref name="facts"/> are not the facts the decision's digest names.</exception>
    public static DecisionRecord From(Decision decision, DecisionFacts? facts)
    {
        ArgumentNullException.ThrowIfNull(decision);
        if (facts is not null && !string.Equals(facts.Digest, decision.FactsDigest, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The facts' digest {facts.Digest} is not decision {decision.Id}'s facts digest {decision.FactsDigest}.", nameof(facts));
        }

        var fired = decision.FiredPolicies;
        var policies = new List<string>(fired.Count);
        var outcomes = new List<DecisionOutcome>(fired.Count);
        // Fired policies come strongest first; a policy that matched twice is listed once, with its strongest outcome.
        // One pass per outcome, strongest first, keeps the order a stable sort would give without allocating one: this
        // runs for every decision.
        int strongest = int.MinValue, weakest = int.MaxValue;
        for (var i = 0; i < fired.Count; i++)
        {
            strongest = Math.Max(strongest, (int)fired[i].Outcome);
            weakest = Math.Min(weakest, (int)fired[i].Outcome);
        }

        for (var outcome = (long)strongest; outcome >= weakest; outcome--)
        {
            for (var i = 0; i < fired.Count; i++)
            {
                var policy = fired[i];
                if ((int)policy.Outcome == outcome && IndexOf(policies, policy.PolicyId) < 0)
                {
                    policies.Add(policy.PolicyId);
                    outcomes.Add(policy.Outcome);
                }
            }
        }

        return new DecisionRecord
        {
            Id = decision.Id,
            At = decision.At,
            Outcome = decision.Outcome,
            Policies = policies,
            PolicyOutcomes = outcomes,
            Customer = decision.Context.Customer,
            Staff = decision.Context.Staff,
            Location = decision.Context.Location,
            PolicySetVersion = decision.PolicySetVersion,
            FactsDigest = decision.FactsDigest,
            Facts = facts,
        };
    }

    private static int IndexOf(List<string> policies, string policyId)
    {
        for (var i = 0; i < policies.Count; i++)
        {
            if (string.Equals(policies[i], policyId, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
