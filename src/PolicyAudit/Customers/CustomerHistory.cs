namespace PolicyAudit;

/// <summary>
/// What happened before with one customer, read from the evidence: overrides granted per policy, refused attempts
/// and complaints, within a time window. Pass it to <see cref="IPolicyEngine.Evaluate"/> as a fact so policies can
/// take history into account ("a fourth exception this month needs a manager") and whoever serves the customer
/// knows what happened before. Immutable and thread-safe.
/// </summary>
public sealed class CustomerHistory
{
    private readonly IReadOnlyDictionary<string, int> _overridesByPolicy;

    /// <summary>Creates a history (normally <see cref="LoadAsync"/> does).</summary>
    /// <param name="customer">The customer's id.</param>
    /// <param name="window">The window the history covers.</param>
    /// <param name="overridesByPolicy">Accepted overrides per determining policy id.</param>
    /// <param name="overrides">Accepted overrides (one override may cover several policies).</param>
    /// <param name="refusedOverrides">Refused override attempts.</param>
    /// <param name="complaints">Complaints recorded against the customer's decisions.</param>
    public CustomerHistory(
        string customer,
        EvidenceWindow window,
        IReadOnlyDictionary<string, int> overridesByPolicy,
        int overrides,
        int refusedOverrides,
        int complaints)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(customer);
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(overridesByPolicy);
        Customer = customer;
        Window = window;
        _overridesByPolicy = overridesByPolicy;
        Overrides = overrides;
        RefusedOverrides = refusedOverrides;
        Complaints = complaints;
    }

    /// <summary>The customer's id.</summary>
    public string Customer { get; }

    /// <summary>The window the history covers.</summary>
    public EvidenceWindow Window { get; }

    /// <summary>Accepted overrides (exceptions made for the customer) in the window.</summary>
    public int Overrides { get; }

    /// <summary>Refused override attempts for the customer in the window.</summary>
    public int RefusedOverrides { get; }

    /// <summary>Complaints recorded against the customer's decisions in the window.</summary>
    public int Complaints { get; }

    /// <summary>Accepted overrides per policy id.</summary>
    public IReadOnlyDictionary<string, int> OverridesByPolicy => _overridesByPolicy;

    /// <summary>Accepted overrides of the policy with id <paramref name="policyId"/> in the window.</summary>
    /// <param name="policyId">The policy id.</param>
    /// <returns>The count; 0 when none.</returns>
    public int OverridesOf(string policyId) => _overridesByPolicy.TryGetValue(policyId, out var count) ? count : 0;

    /// <summary>A customer with no history.</summary>
    /// <param name="customer">The customer's id.</param>
    /// <param name="window">The window.</param>
    /// <returns>The empty history.</returns>
    public static CustomerHistory Empty(string customer, EvidenceWindow window) =>
        new(customer, window, new Dictionary<string, int>(StringComparer.Ordinal), 0, 0, 0);

    /// <summary>
    /// Reads the customer's history from <paramref name="store"/> with its customer query
    /// (<see cref="IEvidenceStore.ReadCustomerAsync"/>), which is answered by index, so a look-up at the table costs
    /// the customer's records, not the window's. Records name the customer through their decision (overrides carry it
    /// in their snapshot; outcomes through the decision they belong to), so a complaint counts only when its decision,
    /// or an override of it, is also in the window.
    /// </summary>
    /// <param name="store">The evidence store.</param>
    /// <param name="customer">The customer's id, as in <see cref="ServiceContext.Customer"/>.</param>
    /// <param name="window">The window, e.g. this month.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The history.</returns>
    public static async Task<CustomerHistory> LoadAsync(
        IEvidenceStore store,
        string customer,
        EvidenceWindow window,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrWhiteSpace(customer);
        ArgumentNullException.ThrowIfNull(window);
        // A customer's records are few (that is what the index is for), so they are gathered, then counted.
        var records = new List<EvidenceRecord>();
        await foreach (var stored in store.ReadCustomerAsync(customer, window, cancellationToken).ConfigureAwait(false))
        {
            records.Add(stored.Record);
        }

        return From(customer, window, records);
    }

    /// <summary>The history that the records of <see cref="IEvidenceStore.ReadCustomerAsync"/> give.</summary>
    internal static CustomerHistory From(string customer, EvidenceWindow window, IEnumerable<EvidenceRecord> records)
    {
        var byPolicy = new Dictionary<string, int>(StringComparer.Ordinal);
        int overrides = 0, refused = 0, complaints = 0;
        foreach (var record in records)
        {
            switch (record)
            {
                case OverrideRecord o:
                    overrides++;
                    foreach (var policy in o.Decision.Policies)
                    {
                        byPolicy[policy.PolicyId] = byPolicy.TryGetValue(policy.PolicyId, out var n) ? n + 1 : 1;
                    }

                    break;
                case RefusedOverrideRecord:
                    refused++;
                    break;
                case OutcomeRecord { Outcome: OutcomeKind.Complaint }:
                    complaints++;
                    break;
            }
        }

        return new CustomerHistory(customer, window, byPolicy, overrides, refused, complaints);
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var policies = _overridesByPolicy.Count == 0
            ? string.Empty
            : " (" + string.Join(", ", _overridesByPolicy.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}")) + ")";
        return $"{Customer}: {Overrides} exceptions made{policies}, {RefusedOverrides} refused, {Complaints} complaints";
    }
}
