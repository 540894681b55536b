namespace PolicyAudit;

/// <summary>
/// What the policy engine decided for one request, and why. Immutable and safe to share between threads.
/// </summary>
public sealed class Decision
{
    /// <summary>Creates a decision. Normally only <see cref="IPolicyEngine"/> does this; tests and importers may too.</summary>
    /// <param name="id">A unique, time-sortable id (trimmed and normalised like every identifier).</param>
    /// <param name="outcome">The combined outcome.</param>
    /// <param name="policies">
    /// Every policy that fired, with what it said; determining policies are those whose outcome equals
    /// <paramref name="outcome"/>. A decision that is not an Allow must have at least one: nothing else could have
    /// denied the request or required approval.
    /// </param>
    /// <param name="policySetVersion">The version hash of the compiled policy set.</param>
    /// <param name="at">When the decision was made.</param>
    /// <param name="factsDigest">A digest of the facts the decision was made on.</param>
    /// <param name="context">Who was served, where and by whom; may be <see cref="ServiceContext.None"/>.</param>
    /// <exception cref="ArgumentException">The id is blank or not a valid identifier, or a non-Allow decision names no policy with its outcome.</exception>
    public Decision(
        string id,
        DecisionOutcome outcome,
        IReadOnlyList<DeterminingPolicy> policies,
        string policySetVersion,
        DateTimeOffset at,
        string factsDigest,
        ServiceContext context)
    {
        ArgumentNullException.ThrowIfNull(policies);
        if (!Enum.IsDefined(outcome))
        {
            throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "A decision's outcome is Allow, RequireApproval or Deny.");
        }

        ArgumentNullException.ThrowIfNull(policySetVersion);
        ArgumentNullException.ThrowIfNull(factsDigest);
        ArgumentNullException.ThrowIfNull(context);
        Id = UnicodeText.Identifier(id, nameof(id));
        Outcome = outcome;
        FiredPolicies = policies;
        PolicySetVersion = policySetVersion;
        At = at;
        FactsDigest = factsDigest;
        Context = context;
        DeterminingPolicies = Determining(policies, outcome);
        if (outcome != DecisionOutcome.Allow && DeterminingPolicies.Count == 0)
        {
            throw new ArgumentException(
                $"Decision {Id} is {WireNames.Of(outcome)}, but none of its policies ({(policies.Count == 0 ? "none" : string.Join(", ", policies.Select(p => p.PolicyId + " " + WireNames.Of(p.Outcome))))}) said so: a decision that is not an Allow needs a policy that denied or required approval.",
                nameof(policies));
        }
    }

    /// <summary>The decision id: unique and sortable by time.</summary>
    public string Id { get; }

    /// <summary>The combined outcome: Deny wins over RequireApproval, which wins over Allow.</summary>
    public DecisionOutcome Outcome { get; }

    /// <summary>True when the request is allowed.</summary>
    public bool IsAllowed => Outcome == DecisionOutcome.Allow;

    /// <summary>The policies whose outcome is the decision's outcome, with their reasons.</summary>
    public IReadOnlyList<DeterminingPolicy> DeterminingPolicies { get; }

    /// <summary>Every policy that fired, whatever it said.</summary>
    public IReadOnlyList<DeterminingPolicy> FiredPolicies { get; }

    /// <summary>The version hash of the policy set that decided.</summary>
    public string PolicySetVersion { get; }

    /// <summary>When the decision was made (from the engine's <see cref="TimeProvider"/>).</summary>
    public DateTimeOffset At { get; }

    /// <summary>A SHA-256 digest of the facts the decision was made on.</summary>
    public string FactsDigest { get; }

    /// <summary>Who was served, where and by whom.</summary>
    public ServiceContext Context { get; }

    /// <summary>
    /// The role needed to override this decision without an approver: the highest authority among the policies that
    /// denied or required approval (a policy that only allowed asks for no authority).
    /// </summary>
    public StaffRole RequiredRole
    {
        get
        {
            var required = StaffRole.Staff;
            foreach (var policy in Restricting)
            {
                required = policy.OverridableBy > required ? policy.OverridableBy : required;
            }

            return required;
        }
    }

    /// <summary>The policies that denied or required approval, each once with its strongest outcome, strongest first.</summary>
    internal IEnumerable<DeterminingPolicy> Restricting =>
        FiredPolicies.Where(p => p.Outcome != DecisionOutcome.Allow)
            .OrderByDescending(p => p.Outcome)
            .DistinctBy(p => p.PolicyId, StringComparer.Ordinal);

    /// <inheritdoc />
    public override string ToString() =>
        $"{Outcome} ({string.Join(", ", DeterminingPolicies.Select(p => p.PolicyId))}) decision {Id}";

    // A loop rather than Where(...).ToArray(): it runs for every decision, and the LINQ pipeline's iterator and
    // builder were a measurable part of a decision's allocation (see the benchmarks README).
    private static DeterminingPolicy[] Determining(IReadOnlyList<DeterminingPolicy> policies, DecisionOutcome outcome)
    {
        var count = 0;
        for (var i = 0; i < policies.Count; i++)
        {
            count += policies[i].Outcome == outcome ? 1 : 0;
        }

        DeterminingPolicy[] determining = count == 0 ? [] : new DeterminingPolicy[count];
        for (int i = 0, j = 0; j < count; i++)
        {
            if (policies[i].Outcome == outcome)
            {
                determining[j++] = policies[i];
            }
        }

        return determining;
    }
}
