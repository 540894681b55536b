namespace PolicyAudit;

/// <summary>
/// Counts, while a review reads the chain, each customer's overrides by the set of policies each override counted
/// against. It grows with the customers, so it is compact: each customer id is kept once (one string, an index
/// everywhere else), each distinct set of policies once, and the counts are int triples in one array, a short linked
/// list per customer, instead of a dictionary per customer. Not thread-safe (one review owns it).
/// </summary>
internal sealed class CustomerOverrideCounter
{
    private const int None = -1;

    private readonly Dictionary<string, int> _customerIndex = new(StringComparer.Ordinal);
    private readonly List<string> _customers = [];

    // Sets of policies by their ids in order joined with '\n' (ids never hold a line break), and by index.
    private readonly Dictionary<string, int> _setIndex = new(StringComparer.Ordinal);
    private readonly List<string[]> _policySets = [];

    // Per customer index, where its first entry starts in _entries, or None.
    private int[] _first = new int[256];

    // Entries of three ints: the set's index, how many overrides named it, where the customer's next entry starts (or None).
    private int[] _entries = new int[3 * 256];
    private int _used;

    /// <summary>Counts one override of a decision about <paramref name="customer"/> against <paramref name="policyIds"/> (distinct).</summary>
    /// <returns>The customer's id as kept here: the same string for every override of that customer.</returns>
    public string Add(string customer, IReadOnlyList<string> policyIds)
    {
        if (!_customerIndex.TryGetValue(customer, out var index))
        {
            index = _customers.Count;
            _customerIndex.Add(customer, index);
            _customers.Add(customer);
            if (index == _first.Length)
            {
                Array.Resize(ref _first, _first.Length * 2);
            }

            _first[index] = None;
        }

        var set = SetOf(policyIds);
        var entry = _first[index];
        while (entry != None && _entries[entry] != set)
        {
            entry = _entries[entry + 2];
        }

        if (entry == None)
        {
            if (_used == _entries.Length)
            {
                Array.Resize(ref _entries, _entries.Length * 2);
            }

            entry = _used;
            _used += 3;
            _entries[entry] = set;
            _entries[entry + 2] = _first[index];
            _first[index] = entry;
        }

        _entries[entry + 1]++;
        return _customers[index];
    }

    /// <summary>Per policy, how many distinct customers had at least one override counted against it.</summary>
    public Dictionary<string, int> DistinctCustomersByPolicy()
    {
        var distinct = new Dictionary<string, int>(StringComparer.Ordinal);
        var lastCustomer = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var customer = 0; customer < _customers.Count; customer++)
        {
            for (var entry = _first[customer]; entry != None; entry = _entries[entry + 2])
            {
                foreach (var policyId in _policySets[_entries[entry]])
                {
                    // A customer counts once per policy even when several of their sets name it.
                    if (lastCustomer.TryGetValue(policyId, out var last) && last == customer)
                    {
                        continue;
                    }

                    lastCustomer[policyId] = customer;
                    distinct[policyId] = distinct.GetValueOrDefault(policyId) + 1;
                }
            }
        }

        return distinct;
    }

    /// <summary>What a review keeps: the customers with at least <paramref name="minimumOverrides"/> overrides in all.</summary>
    public CustomerOverrides Keep(int minimumOverrides)
    {
        var customers = new List<string>();
        var start = new List<int> { 0 };
        var sets = new List<int>();
        var overrides = new List<int>();
        for (var customer = 0; customer < _customers.Count; customer++)
        {
            var total = 0;
            for (var entry = _first[customer]; entry != None; entry = _entries[entry + 2])
            {
                total += _entries[entry + 1];
            }

            if (total < minimumOverrides)
            {
                continue;
            }

            for (var entry = _first[customer]; entry != None; entry = _entries[entry + 2])
            {
                sets.Add(_entries[entry]);
                overrides.Add(_entries[entry + 1]);
            }

            customers.Add(_customers[customer]);
            start.Add(sets.Count);
        }

        return new CustomerOverrides([.. customers], [.. start], [.. sets], [.. overrides], [.. _policySets]);
    }

    private int SetOf(IReadOnlyList<string> policyIds)
    {
        // Most overrides set aside one policy: its id is the key, with no allocation.
        var key = policyIds.Count == 1 ? policyIds[0] : string.Join('\n', policyIds.Order(StringComparer.Ordinal));
        if (!_setIndex.TryGetValue(key, out var set))
        {
            set = _policySets.Count;
            _setIndex.Add(key, set);
            _policySets.Add([.. policyIds.Order(StringComparer.Ordinal)]);
        }

        return set;
    }
}
