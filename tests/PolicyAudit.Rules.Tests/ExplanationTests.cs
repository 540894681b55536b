namespace PolicyAudit.Rules.Tests;

public class ExplanationTests
{
    [Name("Vip discount")]
    public sealed class VipDiscount : Rule
    {
        public override void Define()
        {
            Customer customer = null!;
            Order order = null!;
            When()
                .Match(() => customer, c => c.IsVip)
                .Match(() => order, o => o.CustomerId == customer.Id, o => o.Amount > 100m);
            Then().Yield(ctx => new Discount(order.Id, 10m));
        }
    }

    [Name("Quiet")]
    public sealed class Quiet : Rule
    {
        public override void Define()
        {
            Customer customer = null!;
            When().Match(() => customer).Not<Alarm>(a => a.Active);
            Then().Yield(ctx => new Note("quiet " + customer.Name));
        }
    }

    [Name("Busy")]
    public sealed class Busy : Rule
    {
        public override void Define()
        {
            int count = 0;
            When().Query(() => count, q => q.Match<Order>().Count()).Having(() => count > 5);
            Then().Yield(ctx => new Note("busy"));
        }
    }

    [Name("Many orders")]
    public sealed class ManyOrders : Rule
    {
        public override void Define()
        {
            IEnumerable<Order> orders = null!;
            When().Query(() => orders, q => q.Match<Order>().Collect().Where(c => c.Count() > 3));
            Then().Yield(ctx => new Note("many"));
        }
    }

    [Fact]
    public void Events_InsertFireRetract_RaisedInOrderWithFacts()
    {
        var session = Engine.Session(typeof(VipDiscount));
        var log = new List<string>();
        session.Events.FactInserted += (_, e) => log.Add("inserted " + e.Fact.GetType().Name + (e.YieldedBy is null ? string.Empty : " by " + e.YieldedBy.Name));
        session.Events.FactRetracted += (_, e) => log.Add("retracted " + e.Fact.GetType().Name);
        session.Events.ActivationCreated += (_, e) => log.Add("created " + e.Rule.Name + " " + string.Join(",", e.Facts.Select(f => f.Name)));
        session.Events.ActivationDeleted += (_, e) => log.Add("deleted " + e.Rule.Name);
        session.Events.RuleFiring += (_, e) => log.Add("firing " + e.Rule.Name);
        session.Events.RuleFired += (_, e) => log.Add("fired " + e.Rule.Name);
        var order = new Order(1, 1, 500m);

        session.InsertAll([new Customer(1, "Ann", isVip: true), order]);
        session.Fire();
        session.Retract(order);

        Assert.Equal(
            [
                "inserted Customer",
                "created Vip discount customer,order",
                "inserted Order",
                "firing Vip discount",
                "inserted Discount by Vip discount",
                "fired Vip discount",
                "deleted Vip discount",
                "retracted Order",
                "retracted Discount",
            ],
            log);
    }

    [Fact]
    public void Events_FactUpdated_RaisesUpdatedAndActivationUpdated()
    {
        var session = Engine.Session(typeof(VipDiscount));
        var order = new Order(1, 1, 500m);
        session.InsertAll([new Customer(1, "Ann", isVip: true), order]);
        var log = new List<string>();
        session.Events.FactUpdated += (_, e) => log.Add("updated " + e.Fact.GetType().Name);
        session.Events.ActivationUpdated += (_, e) => log.Add("activation updated " + e.Rule.Name);

        session.Update(order);

        Assert.Equal(["activation updated Vip discount", "updated Order"], log);
    }

    [Fact]
    public void WhyFired_RuleFired_ListsMatchedFacts()
    {
        var session = Engine.Session(typeof(VipDiscount));
        var customer = new Customer(1, "Ann", isVip: true);
        var order = new Order(7, 1, 500m);
        session.InsertAll([customer, order]);
        session.Fire();

        var firing = Assert.Single(session.WhyFired("Vip discount"));

        Assert.Equal(1, firing.Order);
        Assert.Equal(["customer", "order"], firing.Facts.Select(f => f.Name));
        Assert.Same(customer, firing.Facts[0].Value);
        Assert.Same(order, firing.Facts[1].Value);
    }

    [Fact]
    public void WhyNot_NoFactMeetsCondition_NamesFirstUnmetCondition()
    {
        var session = Engine.Session(typeof(VipDiscount));
        session.InsertAll([new Customer(1, "Ann", isVip: true), new Order(7, 1, 50m)]);
        session.Fire();

        var why = session.WhyNot("Vip discount");

        Assert.Equal(RuleStatus.NotMatched, why.Status);
        Assert.Equal("o => o.Amount > 100m", why.Condition);
        Assert.StartsWith("match Order order", why.Element, StringComparison.Ordinal);
        Assert.Contains("no Order fact meets", why.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void WhyNot_JoinConditionUnmet_NamesJoinCondition()
    {
        var session = Engine.Session(typeof(VipDiscount));
        session.InsertAll([new Customer(1, "Ann", isVip: true), new Order(7, 2, 500m)]);

        var why = session.WhyNot("Vip discount");

        Assert.Equal("o => o.CustomerId == customer.Id", why.Condition);
    }

    [Fact]
    public void WhyNot_NoFactOfType_SaysSo()
    {
        var session = Engine.Session(typeof(VipDiscount));

        var why = session.WhyNot("Vip discount");

        Assert.Equal(RuleStatus.NotMatched, why.Status);
        Assert.Null(why.Condition);
        Assert.Contains("no Customer fact is in working memory", why.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void WhyNot_NotBlocked_ListsBlockingFacts()
    {
        var session = Engine.Session(typeof(Quiet));
        var alarm = new Alarm("hall");
        session.InsertAll([new Customer(1, "Ann"), alarm]);

        var why = session.WhyNot("Quiet");

        Assert.Equal(RuleStatus.NotMatched, why.Status);
        Assert.Same(alarm, Assert.Single(why.Facts));
        Assert.StartsWith("not Alarm", why.Element, StringComparison.Ordinal);
    }

    [Fact]
    public void WhyNot_HavingFalse_NamesCondition()
    {
        var session = Engine.Session(typeof(Busy));
        session.Insert(new Order(1, 1, 1m));

        var why = session.WhyNot("Busy");

        Assert.Equal("() => count > 5", why.Condition);
    }

    [Fact]
    public void WhyNot_QueryFilteredOut_NamesStage()
    {
        var session = Engine.Session(typeof(ManyOrders));
        session.Insert(new Order(1, 1, 1m));

        var why = session.WhyNot("Many orders");

        Assert.Equal("where c => c.Count() > 3", why.Condition);
    }

    [Fact]
    public void WhyNot_MatchedNotFired_IsPending_ThenFired()
    {
        var session = Engine.Session(typeof(Quiet));
        session.Insert(new Customer(1, "Ann"));

        var pending = session.WhyNot("Quiet");
        session.Fire();
        var fired = session.WhyNot("Quiet");

        Assert.Equal(RuleStatus.Pending, pending.Status);
        Assert.Equal(RuleStatus.Fired, fired.Status);
    }

    [Fact]
    public void WhyNot_UnknownRule_Throws()
    {
        var session = Engine.Session(typeof(Quiet));

        Assert.Throws<ArgumentException>(() => session.WhyNot("No such rule"));
    }

    [Fact]
    public void Explain_Session_ListsFiringsAndRulesThatDidNotFire()
    {
        var session = Engine.Session(typeof(VipDiscount), typeof(Quiet));
        session.InsertAll([new Customer(1, "Ann", isVip: true), new Order(7, 1, 500m), new Alarm("hall")]);
        session.Fire();

        var explanation = session.Explain();

        Assert.Equal(["Vip discount"], explanation.Firings.Select(f => f.Rule.Name));
        var notFired = Assert.Single(explanation.NotFired);
        Assert.Equal("Quiet", notFired.Rule.Name);
    }
}
