namespace PolicyAudit.Rules.Tests;

public class KeyedSetTests
{
    public sealed class CustomerOrders : Rule
    {
        public override void Define()
        {
            Customer customer = null!;
            Order order = null!;
            When().Match(() => customer).Match(() => order, o => o.CustomerId == customer.Id);
            Then().Yield(ctx => new Note(customer.Id + ":" + order.Id));
        }
    }

    [Fact]
    public void WithKey_FewItems_ReturnsItemsOfThatKeyInArrivalOrder()
    {
        var set = new KeyedSet<string>();
        set.Add("a", 1);
        set.Add("b", 2);
        set.Add("c", 1);

        var found = new List<string>();
        foreach (var item in set.WithKey(1))
        {
            found.Add(item);
        }

        Assert.Equal(["a", "c"], found);
    }

    [Fact]
    public void Remove_PastIndexThreshold_KeepsKeysAndIndexConsistent()
    {
        var set = new KeyedSet<string>();
        var items = Enumerable.Range(0, 20).Select(i => "item" + i).ToArray();
        for (var i = 0; i < items.Length; i++)
        {
            Assert.True(set.Add(items[i], i % 3));
        }

        Assert.False(set.Add(items[0], 1));
        Assert.Equal(0, set.Remove(items[3]));
        Assert.Null(set.Remove(items[3]));

        var found = new List<string>();
        foreach (var item in set.WithKey(0))
        {
            found.Add(item);
        }

        Assert.Equal(["item0", "item6", "item9", "item12", "item15", "item18"], found);
        Assert.Equal(19, set.Count);
    }

    [Fact]
    public void Fire_ManyFactsInsertedBeforeJoinIsReached_JoinsUpdatesAndRetractsByKey()
    {
        var session = Engine.Session(typeof(CustomerOrders));
        var orders = Enumerable.Range(0, 12).Select(i => new Order(100 + i, i % 4, 10m)).ToList();
        foreach (var order in orders)
        {
            session.Insert(order);
        }

        for (var id = 0; id < 4; id++)
        {
            session.Insert(new Customer(id, "c" + id));
        }

        session.Fire();
        Assert.Equal(12, session.Notes().Count);
        Assert.Contains("1:105", session.Notes());

        orders[5].CustomerId = 2;
        session.Update(orders[5]);
        session.Retract(orders[0]);
        session.Fire();

        var notes = session.Notes();
        Assert.Equal(11, notes.Count);
        Assert.DoesNotContain("1:105", notes);
        Assert.Contains("2:105", notes);
        Assert.DoesNotContain("0:100", notes);
    }
}
