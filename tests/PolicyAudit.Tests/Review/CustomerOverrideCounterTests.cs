namespace PolicyAudit.Tests.Reviewing;

public sealed class CustomerOverrideCounterTests
{
    [Fact]
    public void Add_SameCustomerFromTwoRecords_ReturnsTheFirstString()
    {
        var counter = new CustomerOverrideCounter();
        var first = new string("guest-1".ToCharArray());
        var second = new string("guest-1".ToCharArray());

        counter.Add(first, ["a"]);
        var kept = counter.Add(second, ["b"]);

        Assert.Same(first, kept);
    }

    [Fact]
    public void DistinctCustomersByPolicy_CustomerInSeveralSets_CountsOncePerPolicy()
    {
        var counter = new CustomerOverrideCounter();
        counter.Add("c1", ["a"]);
        counter.Add("c1", ["b", "a"]);
        counter.Add("c1", ["a"]);
        counter.Add("c2", ["b"]);
        counter.Add("c3", []);

        var distinct = counter.DistinctCustomersByPolicy();

        Assert.Equal(new Dictionary<string, int> { ["a"] = 1, ["b"] = 2 }, distinct);
    }

    [Fact]
    public void Keep_CustomerBelowTheThreshold_LeftOutEvenForALowerOne()
    {
        var counter = new CustomerOverrideCounter();
        counter.Add("c1", ["a"]);
        counter.Add("c1", ["a", "b"]);
        counter.Add("c1", ["b"]);
        counter.Add("c2", ["a"]);
        counter.Add("c2", ["a"]);

        var kept = counter.Keep(minimumOverrides: 3);

        Assert.Equal([new RepeatCustomer("c1", 3)], kept.RepeatCustomers(minimumOverrides: 1));
    }

    [Fact]
    public void Narrow_SetsNamingOtherPolicies_CountsOnlyOverridesOfTheKeptPolicies()
    {
        var counter = new CustomerOverrideCounter();
        foreach (var policies in new[] { ["a"], ["a"], ["b"], ["b"], new[] { "b", "a" } })
        {
            counter.Add("c1", policies);
        }

        counter.Add("c2", ["b"]);
        var kept = counter.Keep(minimumOverrides: 1);

        var narrowed = kept.Narrow(p => p == "a");

        // The override of a and b counts once for a's owner, like an override of a alone; c2 never overrode a.
        Assert.Equal([new RepeatCustomer("c1", 3)], narrowed.RepeatCustomers(minimumOverrides: 1));
        Assert.Empty(kept.Narrow(p => p == "z").RepeatCustomers(minimumOverrides: 1));
    }

    [Fact]
    public void RepeatCustomers_TiedCounts_MostFirstThenById()
    {
        var counter = new CustomerOverrideCounter();
        foreach (var (customer, overrides) in new[] { ("c-b", 3), ("c-a", 3), ("c-c", 4), ("c-d", 2) })
        {
            for (var i = 0; i < overrides; i++)
            {
                counter.Add(customer, ["p" + (i % 2)]);
            }
        }

        var repeat = counter.Keep(minimumOverrides: 3).RepeatCustomers(minimumOverrides: 3);

        Assert.Equal([new RepeatCustomer("c-c", 4), new RepeatCustomer("c-a", 3), new RepeatCustomer("c-b", 3)], repeat);
    }
}
