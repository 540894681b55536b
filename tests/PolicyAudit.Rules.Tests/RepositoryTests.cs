namespace PolicyAudit.Rules.Tests;

public class RepositoryTests
{
    [Tag("scan"), Name("Scanned one")]
    public sealed class ScannedOne : Rule
    {
        public override void Define()
        {
            Order order = null!;
            When().Match(() => order, o => o.Amount > 30m);
            Then().Do(ctx => ctx.Insert(new Note("one " + order.Id)));
        }
    }

    [Tag("scan"), Tag("second"), Name("Scanned two")]
    public sealed class ScannedTwo : Rule
    {
        public override void Define()
        {
            Order order = null!;
            When().Match(() => order, o => o.Amount > 45m);
            Then().Do(ctx => ctx.Insert(new Note("two " + order.Id)));
        }
    }

    [Name("Threshold")]
    public sealed class Threshold(decimal limit) : Rule
    {
        private readonly decimal _limit = limit;

        public override void Define()
        {
            Order order = null!;
            var local = _limit;
            When().Match(() => order, o => o.Amount > local, o => o.Amount < _limit * 10m);
            Then().Yield(ctx => new Note("over " + local));
        }
    }

    [Name("Needs a service")]
    public sealed class NeedsService(Func<Order, string> describe) : Rule
    {
        public override void Define()
        {
            Order order = null!;
            When().Match(() => order);
            Then().Do(ctx => ctx.Insert(new Note(describe(order))));
        }
    }

    [Fact]
    public void Load_AssemblyWithTagFilter_LoadsOnlyTaggedRules()
    {
        var repository = new RuleRepository();

        repository.Load(x => x.From(typeof(RepositoryTests).Assembly).Where(r => r.IsTagged("scan")));

        Assert.Equal(["Scanned one", "Scanned two"], repository.GetRules().Select(r => r.Name));
    }

    [Fact]
    public void Load_TwoFilters_BothMustAccept()
    {
        var repository = new RuleRepository();

        repository.Load(x => x.From(typeof(RepositoryTests).Assembly).Where(r => r.IsTagged("scan")).Where(r => r.IsTagged("second")));

        Assert.Equal(["Scanned two"], repository.GetRules().Select(r => r.Name));
    }

    [Fact]
    public void Load_SameTypeTwice_LoadedOnce()
    {
        var repository = new RuleRepository();

        repository.Load([typeof(ScannedOne)]).Load([typeof(ScannedOne)]);

        Assert.Single(repository.GetRules());
    }

    [Fact]
    public void Load_RuleInstance_UsesItsState()
    {
        var session = new RuleRepository().Load(new Threshold(100m)).Compile().CreateSession();
        session.InsertAll([new Order(1, 1, 150m), new Order(2, 1, 50m)]);

        session.Fire();

        Assert.Equal(["over 100"], session.Notes());
    }

    [Fact]
    public void Load_WithActivator_CreatesRulesThroughIt()
    {
        var repository = new RuleRepository(t => t == typeof(NeedsService) ? new NeedsService(o => "described " + o.Id) : (Rule)Activator.CreateInstance(t)!);
        var session = repository.Load([typeof(NeedsService)]).Compile().CreateSession();
        session.Insert(new Order(4, 1, 1m));

        session.Fire();

        Assert.Equal(["described 4"], session.Notes());
    }

    [Fact]
    public void Load_ClassWithoutParameterlessConstructor_ErrorNamesRule()
    {
        var error = Assert.Throws<RuleCompilationException>(() => new RuleRepository().Load([typeof(NeedsService)]));

        Assert.Equal("Needs a service", error.RuleName);
        Assert.Contains("parameterless constructor", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DefinitionText_SameRule_IsDeterministicAndReadable()
    {
        var first = new RuleRepository().Load([typeof(ScannedOne)]).GetRules()[0].DefinitionText;
        var second = new RuleRepository().Load([typeof(ScannedOne)]).GetRules()[0].DefinitionText;

        Assert.Equal(first, second);
        Assert.Equal(
            "rule Scanned one\npriority 0\nrepeatability Repeatable\nwhen\n  match Order order | o => o.Amount > 30m\nthen\n  do ctx => ctx.Insert(new Note(\"one \" + (object)order.Id))\n",
            first);
    }

    [Fact]
    public void DefinitionText_ChangedConstantOrCapturedValue_ChangesText()
    {
        var thirty = new RuleRepository().Load([typeof(ScannedOne)]).GetRules()[0].DefinitionText;
        var fortyFive = new RuleRepository().Load([typeof(ScannedTwo)]).GetRules()[0].DefinitionText;
        var hundred = new RuleRepository().Load(new Threshold(100m)).GetRules()[0].DefinitionText;
        var twoHundred = new RuleRepository().Load(new Threshold(200m)).GetRules()[0].DefinitionText;

        Assert.Contains("o.Amount > 30m", thirty, StringComparison.Ordinal);
        Assert.Contains("o.Amount > 45m", fortyFive, StringComparison.Ordinal);
        Assert.Contains("o.Amount > 100m", hundred, StringComparison.Ordinal);
        Assert.Contains("o.Amount > 200m", twoHundred, StringComparison.Ordinal);
        Assert.NotEqual(hundred, twoHundred);
    }

    [Fact]
    public void Compile_Factory_ExposesRules()
    {
        var factory = new RuleRepository().Load([typeof(ScannedOne), typeof(ScannedTwo)]).Compile();

        Assert.Equal(["Scanned one", "Scanned two"], factory.Rules.Select(r => r.Name));
    }
}
