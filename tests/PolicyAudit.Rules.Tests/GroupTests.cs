namespace PolicyAudit.Rules.Tests;

public class GroupTests
{
    public sealed class VipOrBigSpender : Rule
    {
        public override void Define()
        {
            Customer customer = null!;
            When().Or(x => x
                .Match(() => customer, c => c.IsVip)
                .And(y => y
                    .Match(() => customer, c => !c.IsVip)
                    .Exists<Order>(o => o.CustomerId == customer.Id, o => o.Amount > 1000m)));
            Then().Yield(ctx => new Note("priority " + customer.Name));
        }
    }

    public sealed class UsesBindingOfOneBranchOnly : Rule
    {
        public override void Define()
        {
            Customer customer = null!;
            Order order = null!;
            When().Or(x => x
                .Match(() => customer)
                .Match(() => order));
            Then().Do(ctx => ctx.Insert(new Note(customer.Name)));
        }
    }

    [Fact]
    public void Or_EitherAlternativeMatches_Fires()
    {
        var session = Engine.Session(typeof(VipOrBigSpender));
        session.InsertAll([new Customer(1, "Ann", isVip: true), new Customer(2, "Bob"), new Customer(3, "Cy"), new Order(1, 2, 5000m)]);

        session.Fire();

        Assert.Equal(["priority Ann", "priority Bob"], session.Notes());
    }

    [Fact]
    public void Or_AlternativeStopsMatching_ItsYieldIsRetracted()
    {
        var session = Engine.Session(typeof(VipOrBigSpender));
        var order = new Order(1, 2, 5000m);
        session.InsertAll([new Customer(2, "Bob"), order]);
        session.Fire();

        order.Amount = 10m;
        session.Update(order);

        Assert.Empty(session.Notes());
    }

    [Fact]
    public void Or_ActionUsesBindingMissingFromAnAlternative_FailsAtCompile()
    {
        var error = Assert.Throws<RuleCompilationException>(() => Engine.Compile(typeof(UsesBindingOfOneBranchOnly)));

        Assert.Contains(typeof(UsesBindingOfOneBranchOnly).FullName!, error.Message, StringComparison.Ordinal);
        Assert.Contains("not bound in every alternative", error.Message, StringComparison.Ordinal);
    }
}
