namespace PolicyAudit;

/// <summary>Narrows a review to one owner's policies and the customers and staff those policies touched. Stateless and thread-safe.</summary>
internal static class OwnerPacket
{
    public static Review Of(Review review, string owner)
    {
        bool Owns(PolicyReview p) => string.Equals(p.Owner?.Trim(), owner, StringComparison.OrdinalIgnoreCase);
        var policies = review.Policies.Where(Owns).ToArray();
        var ids = policies.Concat(review.PoliciesWithoutDecisions.Where(Owns)).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var customers = review.CustomerOverrides
            .Select(c => new CustomerOverrides(c.Customer, c.ByPolicies.Where(b => b.Policies.Any(ids.Contains)).ToArray()))
            .Where(c => c.ByPolicies.Count > 0)
            .ToArray();
        return review with
        {
            Owner = owner,
            Policies = policies,
            PoliciesWithoutDecisions = review.PoliciesWithoutDecisions.Where(Owns).ToArray(),
            RepeatCustomers = RepeatCustomers(customers, review.Options),
            Staff = review.Staff.Where(s => s.Policies.Any(ids.Contains)).ToArray(),
            CustomerOverrides = customers,
        };
    }

    /// <summary>Customers with at least the threshold of overrides, most first, then by id.</summary>
    public static IReadOnlyList<RepeatCustomer> RepeatCustomers(IEnumerable<CustomerOverrides> customers, ReviewOptions options) =>
        customers
            .Select(c => new RepeatCustomer(c.Customer, c.ByPolicies.Sum(b => b.Overrides)))
            .Where(c => c.Overrides >= options.RepeatCustomerMinimumOverrides)
            .OrderByDescending(c => c.Overrides)
            .ThenBy(c => c.Customer, StringComparer.Ordinal)
            .ToArray();
}
