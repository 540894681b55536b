namespace PolicyAudit.Rules.Tests;

public class LetHavingTests
{
    public sealed class ExposureRule : Rule
    {
        public override void Define()
        {
            Customer customer = null!;
            Order order = null!;
            decimal exposure = 0m;
            When()
                .Match(() => customer)
                .Match(() => order, o => o.CustomerId == customer.Id)
                .Let(() => exposure, () => order.Amount * (customer.IsVip ? 0.5m : 1m))
                .Having(() => exposure > 100m);
            Then().Yield(ctx => new Note($"{customer.Name} {exposure}"));
        }
    }

    [Fact]
    public void LetAndHaving_ComputedValueMeetsCondition_FiresWithValue()
    {
        var session = Engine.Session(typeof(ExposureRule));
        session.InsertAll([new Customer(1, "Ann", isVip: true), new Customer(2, "Bob"), new Order(1, 1, 150m), new Order(2, 2, 150m)]);

        session.Fire();

        Assert.Equal(["Bob 150"], session.Notes());
    }

    [Fact]
    public void Let_InputFactUpdated_ValueRecomputedAndYieldReplaced()
    {
        var session = Engine.Session(typeof(ExposureRule));
        var order = new Order(1, 2, 150m);
        session.InsertAll([new Customer(2, "Bob"), order]);
        session.Fire();

        order.Amount = 400m;
        session.Update(order);
        session.Fire();

        Assert.Equal(["Bob 400"], session.Notes());
    }

    [Fact]
    public void Having_ConditionBecomesFalseAfterUpdate_YieldRetracted()
    {
        var session = Engine.Session(typeof(ExposureRule));
        var customer = new Customer(2, "Bob");
        session.InsertAll([customer, new Order(1, 2, 150m)]);
        session.Fire();

        customer.IsVip = true;
        session.Update(customer);

        Assert.Empty(session.Notes());
    }
}
