namespace PolicyAudit.Rules.Tests;

public class DerivedRuleTests
{
    public sealed record Verdict(string Rule, string Outcome);

    /// <summary>A base class in the style of a product's policy: it wraps Then() to add its own yield.</summary>
    public abstract class VerdictRule : Rule
    {
        protected abstract string Outcome { get; }

        protected new IRightHandSideExpression Then()
        {
            var outcome = Outcome;
            return base.Then().Yield(ctx => new Verdict(ctx.Rule.Name, outcome));
        }
    }

    [Name("Deny big orders"), Tag("policy")]
    public sealed class DenyBigOrders : VerdictRule
    {
        protected override string Outcome => "Deny";

        public override void Define()
        {
            Order order = null!;
            When().Match(() => order, o => o.Amount > 1000m);
            Then().Do(ctx => ctx.Insert(new Note("denied " + order.Id)));
        }
    }

    public sealed class FiresAgain : Rule
    {
        public override void Define()
        {
            When().Match<Order>();
            Then().Do(ctx => Nested(ctx));
        }

        private static void Nested(IContext ctx) => ctx.Insert(new Note("nested"));
    }

    [Fact]
    public void DerivedBase_WrapsThen_AddsItsYieldAfterRuleActions()
    {
        var repository = new RuleRepository().Load(x => x.From(new DenyBigOrders()).Where(r => r.IsTagged("policy")));
        var session = repository.Compile().CreateSession();
        var order = new Order(1, 1, 5000m);
        session.Insert(order);

        session.Fire();

        Assert.Equal([new Verdict("Deny big orders", "Deny")], session.Query<Verdict>());
        Assert.Equal(["denied 1"], session.Notes());
        Assert.Contains("yield Verdict ctx => new Verdict(ctx.Rule.Name, \"Deny\")", repository.GetRules()[0].DefinitionText, StringComparison.Ordinal);

        session.Retract(order);

        Assert.Empty(session.Query<Verdict>());
    }

    [Fact]
    public void Fire_CalledFromEventHandlerWhileFiring_Throws()
    {
        var session = Engine.Session(typeof(FiresAgain));
        session.Insert(new Order(1, 1, 1m));
        session.Events.RuleFiring += (_, _) => session.Fire();

        Assert.Throws<InvalidOperationException>(() => session.Fire());
    }
}
