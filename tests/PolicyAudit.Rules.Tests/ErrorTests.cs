namespace PolicyAudit.Rules.Tests;

public class ErrorTests
{
    [Name("Divides")]
    public sealed class Divides : Rule
    {
        public override void Define()
        {
            Order order = null!;
            When().Match(() => order, o => 100m / o.Amount > 1m);
            Then().Yield(ctx => new Note("divided"));
        }
    }

    [Name("Join throws")]
    public sealed class JoinThrows : Rule
    {
        public override void Define()
        {
            Customer customer = null!;
            Order order = null!;
            When().Match(() => customer).Match(() => order, o => o.Amount / customer.Id > 0m);
            Then().Yield(ctx => new Note("joined"));
        }
    }

    [Name("Action throws")]
    public sealed class ActionThrows : Rule
    {
        public override void Define()
        {
            Order order = null!;
            When().Match(() => order);
            Then().Do(ctx => Fail(order));
        }

        private static void Fail(Order order) => throw new InvalidOperationException("cannot handle " + order.Id);
    }

    [Name("Used before bound")]
    public sealed class UsedBeforeBound : Rule
    {
        public override void Define()
        {
            Customer customer = null!;
            Order order = null!;
            When()
                .Match(() => order, o => o.CustomerId == customer.Id)
                .Match(() => customer);
            Then().Do(ctx => ctx.Halt());
        }
    }

    [Name("Never bound")]
    public sealed class NeverBound : Rule
    {
        public override void Define()
        {
            Customer customer = null!;
            When().Match<Order>(o => o.CustomerId == customer.Id);
            Then().Do(ctx => ctx.Halt());
        }
    }

    [Name("No pattern")]
    public sealed class NoPattern : Rule
    {
        public override void Define()
        {
            When();
            Then().Do(ctx => ctx.Halt());
        }
    }

    [Name("Only having")]
    public sealed class OnlyHaving : Rule
    {
        public override void Define()
        {
            When().Having(() => DateTime.UtcNow.Year > 2000);
            Then().Do(ctx => ctx.Halt());
        }
    }

    [Name("No action")]
    public sealed class NoAction : Rule
    {
        public override void Define()
        {
            When().Match<Order>();
        }
    }

    [Name("Define throws")]
    public sealed class DefineThrows : Rule
    {
        public override void Define() => throw new NotSupportedException("broken definition");
    }

    [Name("Bad alias")]
    public sealed class BadAlias : Rule
    {
        public override void Define()
        {
            When().Match(() => new Order(1, 1, 1m));
            Then().Do(ctx => ctx.Halt());
        }
    }

    [Name("Same")]
    public sealed class SameNameA : Rule
    {
        public override void Define()
        {
            When().Match<Order>();
            Then().Do(ctx => ctx.Halt());
        }
    }

    [Name("Same")]
    public sealed class SameNameB : Rule
    {
        public override void Define()
        {
            When().Match<Order>();
            Then().Do(ctx => ctx.Halt());
        }
    }

    [Fact]
    public void ConditionThrows_ExceptionNamesRuleConditionAndFact_FactNotKept()
    {
        var session = Engine.Session(typeof(Divides));
        var order = new Order(1, 1, 0m);

        var error = Assert.Throws<RuleConditionEvaluationException>(() => session.Insert(order));

        Assert.Equal("Divides", error.RuleName);
        Assert.Equal("o => (100m / o.Amount) > 1m", error.Condition);
        Assert.Same(order, Assert.Single(error.Facts));
        Assert.IsType<DivideByZeroException>(error.InnerException);
        Assert.Contains("'Divides'", error.Message, StringComparison.Ordinal);
        Assert.Empty(session.Query<Order>());
    }

    [Fact]
    public void JoinConditionThrows_ExceptionListsAllFacts()
    {
        var session = Engine.Session(typeof(JoinThrows));
        var customer = new Customer(0, "Zero");
        var order = new Order(1, 0, 5m);
        session.Insert(customer);

        var error = Assert.Throws<RuleConditionEvaluationException>(() => session.Insert(order));

        Assert.Equal("Join throws", error.RuleName);
        Assert.Equal([customer, order], error.Facts);
        Assert.Empty(session.Query<Order>());
    }

    [Fact]
    public void ActionThrows_ExceptionNamesRuleAndFacts()
    {
        var session = Engine.Session(typeof(ActionThrows));
        var order = new Order(3, 1, 1m);
        session.Insert(order);

        var error = Assert.Throws<RuleActionEvaluationException>(() => session.Fire());

        Assert.Equal("Action throws", error.RuleName);
        Assert.Same(order, Assert.Single(error.Facts));
        Assert.Contains("cannot handle 3", error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<RuleEngineException>(error);
    }

    [Theory]
    [InlineData(typeof(UsedBeforeBound), "Used before bound", "before it is bound")]
    [InlineData(typeof(NeverBound), "Never bound", "no Match, Let or Query binds")]
    [InlineData(typeof(NoPattern), "No pattern", "no conditions")]
    [InlineData(typeof(OnlyHaving), "Only having", "no pattern")]
    [InlineData(typeof(NoAction), "No action", "no actions")]
    [InlineData(typeof(DefineThrows), "Define throws", "broken definition")]
    [InlineData(typeof(BadAlias), "Bad alias", "must name a local variable")]
    public void Compile_InvalidRule_FailsWithMessageNamingRule(Type ruleType, string ruleName, string problem)
    {
        var repository = new RuleRepository().Load([ruleType]);

        var error = Assert.Throws<RuleCompilationException>(() => repository.Compile());

        Assert.Equal(ruleName, error.RuleName);
        Assert.Contains("'" + ruleName + "'", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_TwoRulesWithSameName_Fails()
    {
        var repository = new RuleRepository().Load([typeof(SameNameA), typeof(SameNameB)]);

        var error = Assert.Throws<RuleCompilationException>(() => repository.Compile());

        Assert.Equal("Same", error.RuleName);
    }

    [Fact]
    public void WhenOutsideDefine_Throws()
    {
        var rule = new Probe();

        Assert.Throws<InvalidOperationException>(rule.CallWhen);
    }

    public sealed class Probe : Rule
    {
        public override void Define()
        {
            When().Match<Order>();
            Then().Do(ctx => ctx.Halt());
        }

        public void CallWhen() => When();
    }
}
