namespace PolicyAudit.Rules.Tests;

public class IncrementalTests
{
    public sealed class Counter
    {
        public int Count { get; set; }
    }

    public sealed class CountBigOrders : Rule
    {
        public override void Define()
        {
            Counter counter = null!;
            Order order = null!;
            When().Match(() => counter).Match(() => order, o => o.Amount > 100m);
            Then().Do(ctx => Increment(counter));
        }

        private static void Increment(Counter counter) => counter.Count++;
    }

    public sealed class CustomerOrder : Rule
    {
        public override void Define()
        {
            Customer customer = null!;
            Order order = null!;
            When().Match(() => customer).Match(() => order, o => o.CustomerId == customer.Id);
            Then().Yield(ctx => new Note(customer.Name + " " + order.Id));
        }
    }

    [Fact]
    public void InsertFireUpdateFire_MatchStillHolds_RuleFiresAgain()
    {
        var session = Engine.Session(typeof(CountBigOrders));
        var counter = new Counter();
        var order = new Order(1, 1, 150m);
        session.InsertAll([counter, order]);
        session.Fire();

        order.Amount = 200m;
        session.Update(order);
        var fired = session.Fire();

        Assert.Equal(1, fired);
        Assert.Equal(2, counter.Count);
    }

    [Fact]
    public void Update_ConditionNoLongerHolds_PendingActivationCancelled()
    {
        var session = Engine.Session(typeof(CountBigOrders));
        var counter = new Counter();
        var order = new Order(1, 1, 150m);
        session.InsertAll([counter, order]);

        order.Amount = 50m;
        session.Update(order);
        var fired = session.Fire();

        Assert.Equal(0, fired);
        Assert.Equal(0, counter.Count);
    }

    [Fact]
    public void Retract_BeforeFire_CancelsActivation()
    {
        var session = Engine.Session(typeof(CountBigOrders));
        var counter = new Counter();
        var order = new Order(1, 1, 150m);
        session.InsertAll([counter, order]);

        session.Retract(order);
        var fired = session.Fire();

        Assert.Equal(0, fired);
    }

    [Fact]
    public void Update_ConditionStartsToHold_NewActivation()
    {
        var session = Engine.Session(typeof(CountBigOrders));
        var counter = new Counter();
        var order = new Order(1, 1, 50m);
        session.InsertAll([counter, order]);
        var before = session.Fire();

        order.Amount = 500m;
        session.Update(order);
        var after = session.Fire();

        Assert.Equal(0, before);
        Assert.Equal(1, after);
    }

    [Fact]
    public void Update_JoinKeyChanges_MatchMovesToOtherCustomer()
    {
        var session = Engine.Session(typeof(CustomerOrder));
        var order = new Order(1, 1, 1m);
        session.InsertAll([new Customer(1, "Ann"), new Customer(2, "Bob"), order]);
        session.Fire();
        var before = session.Notes();

        order.CustomerId = 2;
        session.Update(order);
        session.Fire();

        Assert.Equal(["Ann 1"], before);
        Assert.Equal(["Bob 1"], session.Notes());
    }

    [Fact]
    public void Retract_LeftFactOfJoin_RetractsAllItsMatches()
    {
        var session = Engine.Session(typeof(CustomerOrder));
        var ann = new Customer(1, "Ann");
        session.InsertAll([ann, new Customer(2, "Bob"), new Order(1, 1, 1m), new Order(2, 1, 1m), new Order(3, 2, 1m)]);
        session.Fire();

        session.Retract(ann);

        Assert.Equal(["Bob 3"], session.Notes());
    }
}
