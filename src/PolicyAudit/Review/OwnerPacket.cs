namespace PolicyAudit;

/// <summary>Narrows a review to one owner's policies and the customers and staff those policies touched. Stateless and thread-safe.</summary>
internal static class OwnerPacket
{
    public static Review Of(Review review, string owner)
    {
        bool Owns(PolicyReview p) => string.Equals(p.Owner?.Trim(), owner, StringComparison.OrdinalIgnoreCase);
        var policies = review.Policies.Where(Owns).ToArray();
        var ids = policies.Concat(review.PoliciesWithoutDecisions.Where(Owns)).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var customers = review.CustomerOverrides.Narrow(ids.Contains);
        return review with
        {
            Owner = owner,
            Policies = policies,
            PoliciesWithoutDecisions = review.PoliciesWithoutDecisions.Where(Owns).ToArray(),
            RepeatCustomers = customers.RepeatCustomers(review.Options.RepeatCustomerMinimumOverrides),
            Staff = review.Staff.Where(s => s.Policies.Any(ids.Contains)).ToArray(),
            CustomerOverrides = customers,
        };
    }
}
