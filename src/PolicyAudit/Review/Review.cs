namespace PolicyAudit;

/// <summary>
/// The result of reviewing a window of evidence: a verdict per policy with the figures behind it, the customers who
/// receive many exceptions, what each member of staff did, and how many decisions were lost. Immutable.
/// </summary>
public sealed record Review
{
    /// <summary>The window reviewed.</summary>
    public required EvidenceWindow Window { get; init; }

    /// <summary>Every policy with evidence in the window (or a policy record), in id order.</summary>
    public required IReadOnlyList<PolicyReview> Policies { get; init; }

    /// <summary>Customers with at least <see cref="ReviewOptions.RepeatCustomerMinimumOverrides"/> overrides, most first.</summary>
    public required IReadOnlyList<RepeatCustomer> RepeatCustomers { get; init; }

    /// <summary>What each member of staff did, in id order.</summary>
    public required IReadOnlyList<StaffSummary> Staff { get; init; }

    /// <summary>Decisions the decision buffer had to drop in the window: the review cannot see them.</summary>
    public required long DroppedDecisions { get; init; }

    /// <summary>The thresholds the verdicts were judged by.</summary>
    public required ReviewOptions Options { get; init; }

    /// <summary>
    /// The verification of the evidence chain the review was made from, when the caller verified it (the
    /// <c>policyaudit report</c> tool does); renderers warn at the top when it failed. Null when not verified.
    /// </summary>
    public ChainVerification? Integrity { get; init; }
}
