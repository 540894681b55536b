namespace PolicyAudit;

/// <summary>
/// The result of reviewing a window of evidence: a verdict per policy with the figures behind it, the customers who
/// receive many exceptions, what each member of staff did, and how many decisions were lost. A review covers every
/// owner's policies, or, from <see cref="ForOwner"/>, one owner's packet. Immutable; safe to share between threads.
/// </summary>
public sealed record Review
{
    /// <summary>The window reviewed.</summary>
    public required EvidenceWindow Window { get; init; }

    /// <summary>
    /// The policies with decisions or overrides in the window, by what needs action: <see cref="Verdict.Rescind"/>,
    /// <see cref="Verdict.Enforce"/>, <see cref="Verdict.Delegate"/>, <see cref="Verdict.Coach"/>, <see cref="Verdict.Keep"/>,
    /// then <see cref="Verdict.InsufficientEvidence"/>; within a verdict, most overrides first, then by id.
    /// </summary>
    public required IReadOnlyList<PolicyReview> Policies { get; init; }

    /// <summary>Policies known from their policy records that had no decision and no override in the window, in id order.</summary>
    public IReadOnlyList<PolicyReview> PoliciesWithoutDecisions { get; init; } = [];

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

    /// <summary>The owner this review was narrowed to by <see cref="ForOwner"/>; null for everyone's policies.</summary>
    public string? Owner { get; init; }

    /// <summary>Per customer, how many overrides named which policies: what <see cref="ForOwner"/> counts repeat customers from.</summary>
    internal CustomerOverrides CustomerOverrides { get; init; } = CustomerOverrides.None;

    /// <summary>
    /// One owner's packet: their policies (owner compared ignoring case), with verdicts, suggestions and the complaints
    /// and losses tied to overridden decisions; the customers who needed at least
    /// <see cref="ReviewOptions.RepeatCustomerMinimumOverrides"/> exceptions to those policies; the staff who overrode them.
    /// </summary>
    /// <param name="owner">The owner, as the policies name it (<c>head-chef</c>).</param>
    /// <returns>The packet; it has no policies when the owner owns none.</returns>
    public Review ForOwner(string owner)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        return OwnerPacket.Of(this, owner.Trim());
    }
}
