namespace PolicyAudit;

/// <summary>
/// The overrides customers received in a review window, by the set of policies each override counted against, so an
/// owner's packet counts an override once even when it set aside two of that owner's policies. Holds only customers
/// with at least the review's <see cref="ReviewOptions.RepeatCustomerMinimumOverrides"/> overrides in all: a packet
/// counts a part of a customer's overrides, so no one else can be a repeat customer of any packet. Kept as flat arrays
/// (one string per customer, ints elsewhere) rather than an object per customer, because a busy window has tens of
/// thousands of them. Immutable; safe to share between threads.
/// </summary>
internal sealed class CustomerOverrides
{
    private readonly string[] _customers;

    // Customer i's entries are [_start[i], _start[i + 1]): the index of a set of policies in _policySets and how many
    // overrides named exactly that set.
    private readonly int[] _start;
    private readonly int[] _sets;
    private readonly int[] _overrides;

    // Each distinct set of policy ids (in id order) once, shared by every customer whose overrides named it.
    private readonly string[][] _policySets;

    public CustomerOverrides(string[] customers, int[] start, int[] sets, int[] overrides, string[][] policySets)
    {
        _customers = customers;
        _start = start;
        _sets = sets;
        _overrides = overrides;
        _policySets = policySets;
    }

    /// <summary>No customer.</summary>
    public static CustomerOverrides None { get; } = new([], [0], [], [], []);

    /// <summary>The customers and their overrides restricted to the sets that name at least one policy <paramref name="counts"/> accepts.</summary>
    public CustomerOverrides Narrow(Func<string, bool> counts)
    {
        var counted = _policySets.Select(policies => policies.Any(counts)).ToArray();
        var customers = new List<string>();
        var start = new List<int> { 0 };
        var sets = new List<int>();
        var overrides = new List<int>();
        for (var customer = 0; customer < _customers.Length; customer++)
        {
            for (var entry = _start[customer]; entry < _start[customer + 1]; entry++)
            {
                if (counted[_sets[entry]])
                {
                    sets.Add(_sets[entry]);
                    overrides.Add(_overrides[entry]);
                }
            }

            if (sets.Count > start[^1])
            {
                customers.Add(_customers[customer]);
                start.Add(sets.Count);
            }
        }

        return new CustomerOverrides([.. customers], [.. start], [.. sets], [.. overrides], _policySets);
    }

    /// <summary>Customers with at least <paramref name="minimumOverrides"/> overrides, most first, then by id.</summary>
    public IReadOnlyList<RepeatCustomer> RepeatCustomers(int minimumOverrides) =>
        Enumerable.Range(0, _customers.Length)
            .Select(customer => new RepeatCustomer(_customers[customer], Total(customer)))
            .Where(c => c.Overrides >= minimumOverrides)
            .OrderByDescending(c => c.Overrides)
            .ThenBy(c => c.Customer, StringComparer.Ordinal)
            .ToArray();

    private int Total(int customer)
    {
        var total = 0;
        for (var entry = _start[customer]; entry < _start[customer + 1]; entry++)
        {
            total += _overrides[entry];
        }

        return total;
    }
}
