namespace PolicyAudit.Tests.Reviewing;

/// <summary>Builds evidence for review and report tests at fixed, increasing times, then reviews it.</summary>
internal sealed class ReviewEvidence
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 18, 0, 0, TimeSpan.Zero);

    private readonly List<EvidenceRecord> _records = [];
    private int _tick;
    private int _ids;

    public InMemoryEvidenceStore Store { get; } = new();

    /// <summary>The next instant: one minute after the previous record.</summary>
    public DateTimeOffset Next() => Start.AddMinutes(_tick++);

    public ReviewEvidence Policy(string id, StaffRole overridableBy = StaffRole.Manager, string? title = null, string? owner = "operations", string? version = null, string? rationale = null)
    {
        _records.Add(new PolicyRecord
        {
            Id = PolicyRecord.RecordIdFor(id, version),
            At = Next(),
            PolicyId = id,
            Title = title ?? id,
            Owner = owner,
            OverridableBy = overridableBy,
            Rationale = rationale,
            Version = version,
        });
        return this;
    }

    public string Decision(string policyId, DecisionOutcome outcome = DecisionOutcome.Deny, string? customer = null, string? staff = null, DateTimeOffset? at = null, string? setVersion = null, DecisionFacts? facts = null, params string[] morePolicies)
    {
        var id = "d" + (++_ids).ToString("D5", System.Globalization.CultureInfo.InvariantCulture);
        _records.Add(new DecisionRecord
        {
            Id = id,
            At = at ?? Next(),
            Outcome = outcome,
            Policies = [policyId, .. morePolicies],
            Customer = customer,
            Staff = staff,
            PolicySetVersion = setVersion,
            FactsDigest = facts?.Digest,
            Facts = facts,
        });
        return id;
    }

    public ReviewEvidence Denials(string policyId, int count)
    {
        for (var i = 0; i < count; i++)
        {
            Decision(policyId);
        }

        return this;
    }

    public ReviewEvidence Allows(string policyId, int count)
    {
        for (var i = 0; i < count; i++)
        {
            Decision(policyId, DecisionOutcome.Allow);
        }

        return this;
    }

    /// <summary>A denial of <paramref name="policyId"/> and an override of it.</summary>
    public string Override(
        string policyId,
        string staff,
        StaffRole role = StaffRole.Manager,
        string? approvedBy = null,
        string justification = "Regular guest",
        string? customer = null,
        StaffRole requiredRole = StaffRole.Manager,
        DateTimeOffset? at = null,
        string? setVersion = null,
        string? factsJson = null)
    {
        var decisionAt = at ?? Next();
        var decisionId = Decision(policyId, customer: customer, staff: staff, at: decisionAt, setVersion: setVersion, facts: factsJson is null ? null : DecisionFacts.Parse(factsJson));
        _records.Add(new OverrideRecord
        {
            Id = decisionId + ":override",
            At = decisionAt.AddSeconds(30),
            DecisionId = decisionId,
            Staff = staff,
            Role = role,
            Justification = justification,
            ApprovedBy = approvedBy,
            ApproverRole = approvedBy is null ? null : StaffRole.Manager,
            RequiredRole = requiredRole,
            Decision = new DecisionSnapshot
            {
                DecidedAt = decisionAt,
                Outcome = DecisionOutcome.Deny,
                Policies = [new PolicySnapshot(policyId, DecisionOutcome.Deny, "denied", requiredRole)],
                Customer = customer,
                PolicySetVersion = setVersion,
            },
        });
        return decisionId;
    }

    /// <summary><paramref name="count"/> overrides, each by a different staff member (s1, s2, ...), none escalated.</summary>
    public ReviewEvidence SpreadOverrides(string policyId, int count, int firstStaff = 1)
    {
        for (var i = 0; i < count; i++)
        {
            Override(policyId, "s" + (firstStaff + i).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return this;
    }

    /// <summary>Any record, appended in turn with the others.</summary>
    public ReviewEvidence Record(EvidenceRecord record)
    {
        _records.Add(record);
        return this;
    }

    public ReviewEvidence Outcome(string decisionId, OutcomeKind kind, DateTimeOffset? at = null)
    {
        _records.Add(new OutcomeRecord { Id = decisionId + ":outcome:" + (++_ids), At = at ?? Next(), DecisionId = decisionId, Outcome = kind });
        return this;
    }

    public ReviewEvidence Refused(string policyId, string staff)
    {
        var decisionAt = Next();
        var decisionId = Decision(policyId, at: decisionAt);
        _records.Add(new RefusedOverrideRecord
        {
            Id = decisionId + ":refused",
            At = decisionAt.AddSeconds(10),
            DecisionId = decisionId,
            Staff = staff,
            Role = StaffRole.Staff,
            Justification = "n/a",
            Reason = OverrideRefusalReason.PlaceholderJustification,
            Message = "refused",
            Decision = new DecisionSnapshot { DecidedAt = decisionAt, Outcome = DecisionOutcome.Deny, Policies = [new PolicySnapshot(policyId, DecisionOutcome.Deny, "denied", StaffRole.Manager)] },
        });
        return this;
    }

    /// <summary>
    /// A denial of <paramref name="policyId"/> made on stored facts (<c>[{"type": ..., "value": ...}]</c>), overridden
    /// by <paramref name="overriddenBy"/> when given.
    /// </summary>
    public string FactDenial(string policyId, string factsJson, string? overriddenBy = null, string justification = "Regular guest", string? approvedBy = null) =>
        overriddenBy is null
            ? Decision(policyId, facts: DecisionFacts.Parse(factsJson))
            : Override(policyId, overriddenBy, StaffRole.Manager, approvedBy, justification, factsJson: factsJson);

    public ReviewEvidence Dropped(long count)
    {
        var at = Next();
        _records.Add(new DroppedDecisionsRecord { Id = "dropped-" + (++_ids), At = at, Count = count, Since = at });
        return this;
    }

    public async Task<PolicyAudit.Review> ReviewAsync(EvidenceWindow? window = null, ReviewOptions? options = null)
    {
        await FlushAsync();
        return await EvidenceReview.RunAsync(Store, window ?? EvidenceWindow.All, options);
    }

    public async Task FlushAsync()
    {
        if (_records.Count > 0)
        {
            await Store.AppendAsync([.. _records], AppendDurability.Durable);
            _records.Clear();
        }
    }

    public async Task<PolicyReview> ReviewPolicyAsync(string policyId, ReviewOptions? options = null) =>
        (await ReviewAsync(null, options)) is var review ? review.Policies.Concat(review.PoliciesWithoutDecisions).Single(p => p.Id == policyId) : null!;
}
