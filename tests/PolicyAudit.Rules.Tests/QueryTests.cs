namespace PolicyAudit.Rules.Tests;

public class QueryTests
{
    public sealed class ManyOrders : Rule
    {
        public override void Define()
        {
            Customer customer = null!;
            IEnumerable<Order> orders = null!;
            When()
                .Match(() => customer)
                .Query(() => orders, q => q
                    .Match<Order>(o => o.CustomerId == customer.Id)
                    .Where(o => o.Amount > 0m)
                    .Collect()
                    .Where(c => c.Count() > 2));
            Then().Yield(ctx => new Note($"{customer.Name} has {orders.Count()}"));
        }
    }

    public sealed class OrderCount : Rule
    {
        public override void Define()
        {
            int count = 0;
            When().Query(() => count, q => q.Match<Order>().Count());
            Then().Yield(ctx => new Note("count " + count));
        }
    }

    public sealed class Revenue : Rule
    {
        public override void Define()
        {
            decimal total = 0m;
            When().Query(() => total, q => q.Match<Order>(o => o.Paid).Sum(o => o.Amount));
            Then().Yield(ctx => new Note("revenue " + total));
        }
    }

    public sealed class PerCustomer : Rule
    {
        public override void Define()
        {
            IGrouping<int, Order> group = null!;
            When().Query(() => group, q => q
                .Match<Order>()
                .GroupBy(o => o.CustomerId)
                .Where(g => g.Count() > 1));
            Then().Yield(ctx => new Note($"customer {group.Key}: {group.Count()}"));
        }
    }

    public sealed class ProjectedAmounts : Rule
    {
        public override void Define()
        {
            decimal amount = 0m;
            When().Query(() => amount, q => q.Match<Order>().Select(o => o.Amount * 2m).Where(a => a > 10m));
            Then().Yield(ctx => new Note("doubled " + amount));
        }
    }

    [Fact]
    public void Collect_ThirdOrderInserted_CollectionMatches()
    {
        var session = Engine.Session(typeof(ManyOrders));
        session.InsertAll([new Customer(1, "Ann"), new Order(1, 1, 5m), new Order(2, 1, 5m)]);
        var before = session.Fire();

        session.Insert(new Order(3, 1, 5m));
        session.Fire();

        Assert.Equal(0, before);
        Assert.Equal(["Ann has 3"], session.Notes());
    }

    [Fact]
    public void Collect_OrderRetracted_CollectionStopsMatching()
    {
        var session = Engine.Session(typeof(ManyOrders));
        var third = new Order(3, 1, 5m);
        session.InsertAll([new Customer(1, "Ann"), new Order(1, 1, 5m), new Order(2, 1, 5m), third]);
        session.Fire();

        session.Retract(third);

        Assert.Empty(session.Notes());
    }

    [Fact]
    public void Count_FactsInsertedAndRetracted_YieldFollowsCount()
    {
        var session = Engine.Session(typeof(OrderCount));
        var first = session.Fire();
        var notesEmpty = session.Notes();
        var order = new Order(1, 1, 1m);

        session.Insert(order);
        session.Insert(new Order(2, 1, 1m));
        session.Fire();
        var notesTwo = session.Notes();
        session.Retract(order);
        session.Fire();

        Assert.Equal(1, first);
        Assert.Equal(["count 0"], notesEmpty);
        Assert.Equal(["count 2"], notesTwo);
        Assert.Equal(["count 1"], session.Notes());
    }

    [Fact]
    public void Sum_FactUpdated_SumUpdatesIncrementally()
    {
        var session = Engine.Session(typeof(Revenue));
        var order = new Order(1, 1, 10m) { Paid = true };
        session.InsertAll([order, new Order(2, 1, 5m) { Paid = true }, new Order(3, 1, 100m)]);
        session.Fire();
        var before = session.Notes();

        order.Amount = 20m;
        session.Update(order);
        session.Fire();

        Assert.Equal(["revenue 15"], before);
        Assert.Equal(["revenue 25"], session.Notes());
    }

    [Fact]
    public void GroupBy_GroupsChangeWithFacts_OneResultPerQualifyingGroup()
    {
        var session = Engine.Session(typeof(PerCustomer));
        var moving = new Order(3, 2, 1m);
        session.InsertAll([new Order(1, 1, 1m), new Order(2, 1, 1m), moving]);
        session.Fire();
        var before = session.Notes();

        moving.CustomerId = 1;
        session.Update(moving);
        session.Fire();

        Assert.Equal(["customer 1: 2"], before);
        Assert.Equal(["customer 1: 3"], session.Notes());
    }

    [Fact]
    public void Select_ProjectsAndFiltersElements_OneResultPerElement()
    {
        var session = Engine.Session(typeof(ProjectedAmounts));
        session.InsertAll([new Order(1, 1, 3m), new Order(2, 1, 8m), new Order(3, 1, 20m)]);

        session.Fire();

        Assert.Equal(["doubled 16", "doubled 40"], session.Notes());
    }
}
