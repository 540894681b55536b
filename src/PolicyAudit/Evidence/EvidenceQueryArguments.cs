namespace PolicyAudit;

/// <summary>Checks the arguments of the store queries the same way in every store.</summary>
internal static class EvidenceQueryArguments
{
    public static void CheckCustomer(string customer, EvidenceWindow window)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(customer);
        ArgumentNullException.ThrowIfNull(window);
    }

    /// <summary>The distinct ids, in the order given.</summary>
    /// <exception cref="ArgumentException">An id is null.</exception>
    public static string[] DecisionIds(IReadOnlyCollection<string> decisionIds)
    {
        ArgumentNullException.ThrowIfNull(decisionIds);
        return decisionIds
            .Select((id, i) => id ?? throw new ArgumentException($"Decision id {i} of the list is null.", nameof(decisionIds)))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>The wire names of the distinct kinds.</summary>
    public static string[] Kinds(IReadOnlyCollection<EvidenceKind> kinds, EvidenceWindow window)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        ArgumentNullException.ThrowIfNull(window);
        return kinds.Distinct().Select(WireNames.Of).ToArray();
    }
}
