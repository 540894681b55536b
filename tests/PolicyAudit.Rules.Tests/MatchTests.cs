namespace PolicyAudit.Rules.Tests;

public class MatchTests
{
    public sealed class BigOrder : Rule
    {
        public override void Define()
        {
            Order order = null!;
            When().Match(() => order, o => o.Amount > 100m, o => !o.Paid);
            Then().Do(ctx => ctx.Insert(new Note("big " + order.Id)));
        }
    }

    public sealed class VipOrder : Rule
    {
        public override void Define()
        {
            Customer customer = null!;
            Order order = null!;
            When()
                .Match(() => customer, c => c.IsVip)
                .Match(() => order, o => o.CustomerId == customer.Id, o => o.Amount > 50m);
            Then().Do(ctx => ctx.Insert(new Note(customer.Name + " " + order.Id)));
        }
    }

    public sealed class AnyOrderWithoutAlias : Rule
    {
        public override void Define()
        {
            When().Match<Order>(o => o.Amount > 0m);
            Then().Do(ctx => ctx.Insert(new Note("some order " + ((Order)ctx.Facts[0].Value!).Id)));
        }
    }

    public sealed class PairOfOrders : Rule
    {
        public override void Define()
        {
            Order first = null!;
            Order second = null!;
            When()
                .Match(() => first)
                .Match(() => second, o => o.CustomerId == first.CustomerId, o => o.Id > first.Id);
            Then().Do(ctx => ctx.Insert(new Note(first.Id + "+" + second.Id)));
        }
    }

    [Fact]
    public void Match_AllConditionsMet_RuleFires()
    {
        var session = Engine.Session(typeof(BigOrder));
        session.Insert(new Order(1, 1, 150m));
        session.Insert(new Order(2, 1, 20m));
        session.Insert(new Order(3, 1, 500m) { Paid = true });

        var fired = session.Fire();

        Assert.Equal(1, fired);
        Assert.Equal(["big 1"], session.Notes());
    }

    [Fact]
    public void Match_JoinOnEarlierBinding_PairsOnlyRelatedFacts()
    {
        var session = Engine.Session(typeof(VipOrder));
        session.InsertAll([new Customer(1, "Ann", isVip: true), new Customer(2, "Bob"), new Order(10, 1, 60m), new Order(11, 2, 70m), new Order(12, 1, 10m)]);

        session.Fire();

        Assert.Equal(["Ann 10"], session.Notes());
    }

    [Fact]
    public void Match_WithoutAlias_ExposesFactThroughContext()
    {
        var session = Engine.Session(typeof(AnyOrderWithoutAlias));
        session.Insert(new Order(7, 1, 5m));

        session.Fire();

        Assert.Equal(["some order 7"], session.Notes());
    }

    [Fact]
    public void Match_SameTypeTwice_JoinsDistinctFactsOnce()
    {
        var session = Engine.Session(typeof(PairOfOrders));
        session.InsertAll([new Order(1, 1, 1m), new Order(2, 1, 1m), new Order(3, 1, 1m), new Order(4, 2, 1m)]);

        session.Fire();

        Assert.Equal(["1+2", "1+3", "2+3"], session.Notes());
    }

    [Fact]
    public void Match_FactOfDerivedType_MatchesBaseTypePattern()
    {
        var session = Engine.Session(typeof(AnyObject));
        session.Insert(new Alarm("hall"));
        session.Insert("text");

        var fired = session.Fire();

        Assert.Equal(2, fired);
    }

    public sealed class AnyObject : Rule
    {
        public override void Define()
        {
            object fact = null!;
            When().Match(() => fact, f => !(f is Note));
            Then().Do(ctx => ctx.Insert(new Note(fact.GetType().Name)));
        }
    }
}
