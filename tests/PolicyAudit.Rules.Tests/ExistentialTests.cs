namespace PolicyAudit.Rules.Tests;

public class ExistentialTests
{
    public sealed class QuietZone : Rule
    {
        public override void Define()
        {
            Customer customer = null!;
            When()
                .Match(() => customer)
                .Not<Alarm>(a => a.Active, a => a.Zone == customer.Name);
            Then().Yield(ctx => new Note("quiet " + customer.Name));
        }
    }

    public sealed class NoAlarmsAtAll : Rule
    {
        public override void Define()
        {
            When().Not<Alarm>();
            Then().Yield(ctx => new Note("all clear"));
        }
    }

    public sealed class HasOrders : Rule
    {
        public override void Define()
        {
            Customer customer = null!;
            When()
                .Match(() => customer)
                .Exists<Order>(o => o.CustomerId == customer.Id);
            Then().Yield(ctx => new Note("buyer " + customer.Name));
        }
    }

    public sealed class AllOrdersPaid : Rule
    {
        public override void Define()
        {
            Customer customer = null!;
            When()
                .Match(() => customer)
                .All<Order>(o => o.CustomerId == customer.Id, o => o.Paid);
            Then().Yield(ctx => new Note("settled " + customer.Name));
        }
    }

    [Fact]
    public void Not_NoMatchingFact_Fires()
    {
        var session = Engine.Session(typeof(QuietZone));
        session.Insert(new Customer(1, "hall"));
        session.Insert(new Alarm("garden"));

        session.Fire();

        Assert.Equal(["quiet hall"], session.Notes());
    }

    [Fact]
    public void Not_BlockingFactInsertedThenRetracted_FlipsBothWays()
    {
        var session = Engine.Session(typeof(QuietZone));
        session.Insert(new Customer(1, "hall"));
        session.Fire();
        var alarm = new Alarm("hall");

        session.Insert(alarm);
        var afterInsert = session.Notes();
        session.Retract(alarm);
        session.Fire();

        Assert.Empty(afterInsert);
        Assert.Equal(["quiet hall"], session.Notes());
    }

    [Fact]
    public void Not_BlockingFactUpdatedAway_RuleFiresAgain()
    {
        var session = Engine.Session(typeof(QuietZone));
        var alarm = new Alarm("hall");
        session.InsertAll([new Customer(1, "hall"), alarm]);
        var first = session.Fire();

        alarm.Active = false;
        session.Update(alarm);
        var second = session.Fire();

        Assert.Equal(0, first);
        Assert.Equal(1, second);
    }

    [Fact]
    public void Not_AsOnlyElement_FiresInEmptySessionAndCancelsOnInsert()
    {
        var factory = Engine.Compile(typeof(NoAlarmsAtAll));
        var empty = factory.CreateSession();
        var blocked = factory.CreateSession();

        var firedEmpty = empty.Fire();
        blocked.Insert(new Alarm("x"));
        var firedBlocked = blocked.Fire();

        Assert.Equal(1, firedEmpty);
        Assert.Equal(0, firedBlocked);
    }

    [Fact]
    public void Exists_SeveralMatchingFacts_FiresOnce()
    {
        var session = Engine.Session(typeof(HasOrders));
        session.InsertAll([new Customer(1, "Ann"), new Order(1, 1, 1m), new Order(2, 1, 1m), new Order(3, 2, 1m)]);

        var fired = session.Fire();

        Assert.Equal(1, fired);
        Assert.Equal(["buyer Ann"], session.Notes());
    }

    [Fact]
    public void Exists_LastMatchingFactRetracted_YieldedFactGoes()
    {
        var session = Engine.Session(typeof(HasOrders));
        var order = new Order(1, 1, 1m);
        session.InsertAll([new Customer(1, "Ann"), order]);
        session.Fire();

        session.Retract(order);

        Assert.Empty(session.Notes());
    }

    [Fact]
    public void All_EveryBaseFactMeetsConditions_Fires()
    {
        var session = Engine.Session(typeof(AllOrdersPaid));
        session.InsertAll([new Customer(1, "Ann"), new Order(1, 1, 1m) { Paid = true }, new Order(2, 2, 1m)]);

        session.Fire();

        Assert.Equal(["settled Ann"], session.Notes());
    }

    [Fact]
    public void All_OneBaseFactFailsThenGetsPaid_FlipsToFiring()
    {
        var session = Engine.Session(typeof(AllOrdersPaid));
        var unpaid = new Order(2, 1, 1m);
        session.InsertAll([new Customer(1, "Ann"), new Order(1, 1, 1m) { Paid = true }, unpaid]);
        var before = session.Fire();

        unpaid.Paid = true;
        session.Update(unpaid);
        var after = session.Fire();

        Assert.Equal(0, before);
        Assert.Equal(1, after);
    }
}
