namespace PolicyAudit.Rules.Tests;

public class ActionTests
{
    public sealed class Log
    {
        public List<string> Lines { get; } = [];
    }

    public sealed class PromoteBigSpender : Rule
    {
        public override void Define()
        {
            Customer customer = null!;
            When()
                .Match(() => customer, c => !c.IsVip)
                .Exists<Order>(o => o.CustomerId == customer.Id, o => o.Amount > 1000m);
            Then().Do(ctx => Promote(ctx, customer));
        }

        private static void Promote(IContext ctx, Customer customer)
        {
            customer.IsVip = true;
            ctx.Update(customer);
        }
    }

    public sealed class GreetVip : Rule
    {
        public override void Define()
        {
            Customer customer = null!;
            When().Match(() => customer, c => c.IsVip);
            Then().Do(ctx => ctx.Insert(new Note("welcome " + customer.Name)));
        }
    }

    public sealed class CancelUnpaid : Rule
    {
        public override void Define()
        {
            Order order = null!;
            When().Match(() => order, o => !o.Paid, o => o.Amount == 0m);
            Then().Do(ctx => ctx.Retract(order));
        }
    }

    public sealed class DiscountBigOrder : Rule
    {
        public override void Define()
        {
            Order order = null!;
            When().Match(() => order, o => o.Amount > 100m);
            Then().Yield(ctx => new Discount(order.Id, order.Amount > 500m ? 20m : 10m));
        }
    }

    public sealed class CountingYield : Rule
    {
        public override void Define()
        {
            Order order = null!;
            When().Match(() => order);
            Then().Yield(ctx => new Note("seen " + order.Id + " x1"), (ctx, previous) => new Note(previous.Text + "I"));
        }
    }

    public sealed class StopAfterFirst : Rule
    {
        public override void Define()
        {
            Order order = null!;
            When().Match(() => order);
            Then()
                .Do(ctx => ctx.Insert(new Note("halt " + order.Id)))
                .Do(ctx => ctx.Halt());
        }
    }

    public sealed class ActionsInOrder : Rule
    {
        public override void Define()
        {
            Log log = null!;
            Order order = null!;
            When().Match(() => log).Match(() => order);
            Then()
                .Do(ctx => log.Lines.Add("first " + order.Id))
                .Do(ctx => log.Lines.Add("second " + ctx.Rule.Name));
        }
    }

    public sealed class ContextOperations : Rule
    {
        public override void Define()
        {
            Log log = null!;
            Order order = null!;
            When().Match(() => log).Match(() => order, o => o.Amount > 0m);
            Then().Do(ctx => Record(ctx, log, order));
        }

        private static void Record(IContext ctx, Log log, Order order)
        {
            ctx.InsertAll([new Note("a " + order.Id), new Note("b " + order.Id)]);
            log.Lines.Add("again " + ctx.TryInsert(new Note("a " + order.Id)));
            log.Lines.Add("retracted " + ctx.TryRetract(new Note("b " + order.Id)));
            log.Lines.Add("missing " + ctx.TryRetract(new Note("zzz")));
            log.Lines.Add(string.Join(",", ctx.Facts.Select(f => f.Name + ":" + f.DeclaredType.Name)));
        }
    }

    [Fact]
    public void Context_TryInsertInsertAllTryRetract_WorkOnWorkingMemory()
    {
        var session = Engine.Session(typeof(ContextOperations));
        var log = new Log();
        session.InsertAll([log, new Order(5, 1, 1m)]);

        session.Fire();

        Assert.Equal(["again False", "retracted True", "missing False", "log:Log,order:Order"], log.Lines);
        Assert.Equal(["a 5"], session.Notes());
    }

    [Fact]
    public void Do_ActionsRunInOrder_WithBindingsAndContext()
    {
        var session = Engine.Session(typeof(ActionsInOrder));
        var log = new Log();
        session.InsertAll([log, new Order(1, 1, 1m)]);

        session.Fire();

        Assert.Equal(["first 1", "second " + typeof(ActionsInOrder).FullName], log.Lines);
    }

    [Fact]
    public void ContextUpdate_ForwardChains_IntoAnotherRule()
    {
        var session = Engine.Session(typeof(PromoteBigSpender), typeof(GreetVip));
        session.InsertAll([new Customer(1, "Ann"), new Order(1, 1, 5000m)]);

        var fired = session.Fire();

        Assert.Equal(2, fired);
        Assert.Equal(["welcome Ann"], session.Notes());
    }

    [Fact]
    public void ContextRetract_RemovesFactFromWorkingMemory()
    {
        var session = Engine.Session(typeof(CancelUnpaid));
        session.InsertAll([new Order(1, 1, 0m), new Order(2, 1, 3m)]);

        session.Fire();

        Assert.Equal([2], session.Query<Order>().Select(o => o.Id));
    }

    [Fact]
    public void Yield_MatchUpdated_LinkedFactReplaced()
    {
        var session = Engine.Session(typeof(DiscountBigOrder));
        var order = new Order(1, 1, 200m);
        session.Insert(order);
        session.Fire();
        var before = session.Query<Discount>().ToList();

        order.Amount = 900m;
        session.Update(order);
        session.Fire();

        Assert.Equal([new Discount(1, 10m)], before);
        Assert.Equal([new Discount(1, 20m)], session.Query<Discount>());
    }

    [Fact]
    public void Yield_MatchRetracted_LinkedFactRetractedWithIt()
    {
        var session = Engine.Session(typeof(DiscountBigOrder));
        var order = new Order(1, 1, 200m);
        session.Insert(order);
        session.Fire();

        session.Retract(order);

        Assert.Empty(session.Query<Discount>());
    }

    [Fact]
    public void Yield_WithUpdateFunction_ComputesFromPreviousFact()
    {
        var session = Engine.Session(typeof(CountingYield));
        var order = new Order(1, 1, 1m);
        session.Insert(order);
        session.Fire();

        session.Update(order);
        session.Fire();
        session.Update(order);
        session.Fire();

        Assert.Equal(["seen 1 x1II"], session.Notes());
    }

    [Fact]
    public void Halt_StopsFiringAfterCurrentRule()
    {
        var session = Engine.Session(typeof(StopAfterFirst));
        session.InsertAll([new Order(1, 1, 1m), new Order(2, 1, 1m)]);

        var first = session.Fire();
        var second = session.Fire();

        Assert.Equal(1, first);
        Assert.Equal(1, second);
        Assert.Equal(["halt 1", "halt 2"], session.Notes());
    }
}
