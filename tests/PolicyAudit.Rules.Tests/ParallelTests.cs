namespace PolicyAudit.Rules.Tests;

public class ParallelTests
{
    public sealed class VipDiscount : Rule
    {
        public override void Define()
        {
            Customer customer = null!;
            Order order = null!;
            When()
                .Match(() => customer, c => c.IsVip)
                .Match(() => order, o => o.CustomerId == customer.Id, o => o.Amount > 10m)
                .Not<Alarm>(a => a.Zone == customer.Name);
            Then().Yield(ctx => new Discount(order.Id, 5m));
        }
    }

    [Fact]
    public void CreateSession_ManySessionsInParallel_EachGetsItsOwnCorrectResult()
    {
        var factory = Engine.Compile(typeof(VipDiscount));
        var results = new int[400];

        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var session = factory.CreateSession();
            var customer = new Customer(i, "c" + i, isVip: i % 2 == 0);
            session.InsertAll([customer, new Order(i * 10, i, 20m), new Order(i * 10 + 1, i, 5m)]);
            if (i % 3 == 0)
            {
                session.Insert(new Alarm("c" + i));
            }

            session.Fire();
            results[i] = session.Query<Discount>().Count(d => d.OrderId == i * 10);
        });

        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal(i % 2 == 0 && i % 3 != 0 ? 1 : 0, results[i]);
        }
    }
}
