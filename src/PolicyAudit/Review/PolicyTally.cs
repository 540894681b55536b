namespace PolicyAudit;

/// <summary>
/// The running aggregates of one policy during a review. Grows with the number of distinct staff, justifications,
/// versions and days and with the complaints and losses of overridden decisions (which the report lists), never with
/// the number of decisions; customers are counted once for all policies, by the review's
/// <see cref="CustomerOverrideCounter"/>. Not thread-safe (one review owns it).
/// </summary>
internal sealed class PolicyTally
{
    public PolicyTally(string policyId) => PolicyId = policyId;

    public string PolicyId { get; }

    public int Decisions { get; set; }

    public int Denials { get; set; }

    public int Overrides { get; set; }

    public int Escalated { get; set; }

    public int Unauthorized { get; set; }

    public int Harmful { get; set; }

    public Dictionary<string, int> OverridesByStaff { get; } = new(StringComparer.Ordinal);

    /// <summary>How many distinct customers had an override of this policy; set when the review finishes, from its per-customer counts.</summary>
    public int DistinctCustomers { get; set; }

    public Dictionary<string, int> Justifications { get; } = new(StringComparer.Ordinal);

    public Dictionary<DateOnly, int> OverridesByDay { get; } = [];

    public List<OverrideHarm> Harms { get; } = [];

    /// <summary>Per version (null key = unversioned, kept apart because dictionaries refuse null keys).</summary>
    public Dictionary<string, VersionTally> Versions { get; } = new(StringComparer.Ordinal);

    public VersionTally Unversioned { get; } = new(null, 0);

    private int _versionOrder;

    public VersionTally VersionOf(string? version)
    {
        if (version is null)
        {
            return Unversioned;
        }

        if (!Versions.TryGetValue(version, out var tally))
        {
            tally = new VersionTally(version, ++_versionOrder);
            Versions.Add(version, tally);
        }

        return tally;
    }

    /// <summary>The figures of one version of the policy.</summary>
    internal sealed class VersionTally(string? version, int order)
    {
        public string? Version { get; } = version;

        public int Order { get; } = order;

        public int Decisions { get; set; }

        public int Denials { get; set; }

        public int Overrides { get; set; }
    }
}
