namespace PolicyAudit.Rules.Tests;

public class NetworkTests
{
    public sealed class BigOrderA : Rule
    {
        public override void Define()
        {
            Order order = null!;
            When().Match(() => order, o => o.Amount > 100m, o => o.Paid);
            Then().Yield(ctx => new Note("a " + order.Id));
        }
    }

    public sealed class BigOrderB : Rule
    {
        public override void Define()
        {
            Order x = null!;
            When().Match(() => x, big => big.Amount > 100m);
            Then().Yield(ctx => new Note("b " + x.Id));
        }
    }

    public sealed class BiggerOrder : Rule
    {
        public override void Define()
        {
            Order order = null!;
            When().Match(() => order, o => o.Amount > 200m);
            Then().Yield(ctx => new Note("c " + order.Id));
        }
    }

    public sealed class EqualityJoin : Rule
    {
        public override void Define()
        {
            Customer customer = null!;
            Order order = null!;
            When().Match(() => customer).Match(() => order, o => customer.Id == o.CustomerId, o => o.Amount >= customer.Id);
            Then().Yield(ctx => new Note(customer.Id + ":" + order.Id));
        }
    }

    public sealed class InequalityJoin : Rule
    {
        public override void Define()
        {
            Customer customer = null!;
            Order order = null!;
            When().Match(() => customer).Match(() => order, o => o.CustomerId < customer.Id);
            Then().Yield(ctx => new Note(customer.Id + "<" + order.Id));
        }
    }

    [Fact]
    public void Compile_EqualAlphaConditions_ShareOneNode()
    {
        var network = Engine.Compile(typeof(BigOrderA), typeof(BigOrderB), typeof(BiggerOrder)).Network();

        // Amount > 100 (shared by A and B), Paid under it (A only), Amount > 200 (C).
        Assert.Equal(3, network.AlphaNodeCount);
        Assert.Equal(3, network.AlphaMemoryCount);
    }

    [Fact]
    public void Compile_SharedAlphaNode_BothRulesStillFire()
    {
        var session = Engine.Session(typeof(BigOrderA), typeof(BigOrderB), typeof(BiggerOrder));
        session.InsertAll([new Order(1, 1, 150m) { Paid = true }, new Order(2, 1, 300m)]);

        session.Fire();

        Assert.Equal(["a 1", "b 1", "b 2", "c 2"], session.Notes());
    }

    [Fact]
    public void Compile_EqualityJoinCondition_GetsHashIndex()
    {
        var network = Engine.Compile(typeof(EqualityJoin), typeof(InequalityJoin)).Network();

        var joins = network.BetaNodes.OfType<JoinNode>().Where(j => !j.IsFirst).ToList();

        Assert.Equal(2, joins.Count);
        Assert.True(joins.Single(j => j.Production.Rule.Definition.RuleType == typeof(EqualityJoin)).IsIndexed);
        Assert.False(joins.Single(j => j.Production.Rule.Definition.RuleType == typeof(InequalityJoin)).IsIndexed);
    }

    [Fact]
    public void HashJoin_RandomInsertsUpdatesRetracts_SameResultsAsNestedLoop()
    {
        var repository = new RuleRepository().Load([typeof(EqualityJoin)]);
        var hashed = repository.Compile(new CompilerOptions { UseHashJoins = true }).CreateSession();
        var looped = new RuleRepository().Load([typeof(EqualityJoin)]).Compile(new CompilerOptions { UseHashJoins = false }).CreateSession();
        var random = new Random(1234);
        var customers = Enumerable.Range(1, 12).Select(i => new Customer(i, "c" + i)).ToList();
        var orders = Enumerable.Range(1, 80).Select(i => new Order(i, random.Next(1, 15), random.Next(0, 20))).ToList();
        var present = new HashSet<object>();

        for (var step = 0; step < 600; step++)
        {
            object fact = random.Next(4) == 0 ? customers[random.Next(customers.Count)] : orders[random.Next(orders.Count)];
            var action = random.Next(3);
            if (!present.Contains(fact))
            {
                Apply(s => s.Insert(fact));
                present.Add(fact);
            }
            else if (action == 0)
            {
                Apply(s => s.Retract(fact));
                present.Remove(fact);
            }
            else
            {
                if (fact is Order order)
                {
                    order.CustomerId = random.Next(1, 15);
                    order.Amount = random.Next(0, 20);
                }

                Apply(s => s.Update(fact));
            }

            if (step % 50 == 0)
            {
                Apply(s => s.Fire());
            }

            Assert.Equal(looped.Notes(), hashed.Notes());
        }

        Apply(s => s.Fire());
        Assert.Equal(looped.Notes(), hashed.Notes());
        Assert.NotEmpty(hashed.Notes());

        void Apply(Action<ISession> change)
        {
            change(hashed);
            change(looped);
        }
    }

    [Fact]
    public void CreateSession_AllocatesNodeMemoriesLazily()
    {
        var factory = Engine.Compile(typeof(EqualityJoin), typeof(BigOrderA));

        var session = (Session)factory.CreateSession();

        Assert.All(session.Memories, Assert.Null);
        Assert.True(session.Memories.Length > 0);
    }

    [Fact]
    public void Compile_ThousandRules_SharesCommonConditionAndRuns()
    {
        var rules = Enumerable.Range(0, 1000).Select(i => (Rule)new ThresholdRule(i)).ToArray();

        var factory = new RuleRepository().Load(rules).Compile();
        var session = factory.CreateSession();
        session.Insert(new Order(1, 1, 10.5m));

        Assert.Equal(1001, factory.Network().AlphaNodeCount);
        Assert.Equal(1000, factory.Rules.Count);
        Assert.Equal(0, session.Fire());
    }

    [Fact]
    public void Compile_ParameterizedRuleInstances_EachFiresOnItsOwnThreshold()
    {
        var rules = Enumerable.Range(0, 20).Select(i => (Rule)new ThresholdRule(i)).ToArray();
        var session = new RuleRepository().Load(rules).Compile().CreateSession();

        session.Insert(new Order(1, 1, 10.5m) { Paid = true });

        Assert.Equal(11, session.Fire());
        Assert.Contains("over 10", session.Notes());
    }

    public sealed class ThresholdRule(int limit) : Rule
    {
        protected override string? InstanceName => "threshold " + limit;

        public override void Define()
        {
            Order order = null!;
            var threshold = (decimal)limit;
            When().Match(() => order, o => o.Paid, o => o.Amount > threshold);
            Then().Do(ctx => ctx.Insert(new Note("over " + threshold)));
        }
    }
}
