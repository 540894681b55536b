namespace PolicyAudit.Rules.Tests;

public class MetadataTests
{
    public sealed class Trace
    {
        public List<string> Fired { get; } = [];
    }

    [Name("Low"), Priority(-5)]
    public sealed class Low : Rule
    {
        public override void Define()
        {
            Trace trace = null!;
            When().Match(() => trace);
            Then().Do(ctx => trace.Fired.Add("low"));
        }
    }

    [Name("High"), Priority(10)]
    public sealed class High : Rule
    {
        public override void Define()
        {
            Trace trace = null!;
            When().Match(() => trace);
            Then().Do(ctx => trace.Fired.Add("high"));
        }
    }

    [Name("Default")]
    public sealed class Default : Rule
    {
        public override void Define()
        {
            Trace trace = null!;
            When().Match(() => trace);
            Then().Do(ctx => trace.Fired.Add("default"));
        }
    }

    [Name("Described"), Description("Explains itself"), Tag("a"), Tag("b"), Repeatability(RuleRepeatability.NonRepeatable)]
    public sealed class Described : Rule
    {
        public override void Define()
        {
            Order order = null!;
            When().Match(() => order);
            Then().Do(ctx => ctx.Update(order));
        }
    }

    [Name("Repeating")]
    public sealed class Repeating : Rule
    {
        public override void Define()
        {
            Order order = null!;
            When().Match(() => order);
            Then().Do(ctx => ctx.Update(order));
        }
    }

    [Tag("base")]
    public abstract class TaggedBase : Rule
    {
    }

    public sealed class InheritsTag : TaggedBase
    {
        public override void Define()
        {
            When().Match<Order>();
            Then().Do(ctx => ctx.Halt());
        }
    }

    [Fact]
    public void Priority_HigherFiresFirst()
    {
        var session = Engine.Session(typeof(Low), typeof(Default), typeof(High));
        var trace = new Trace();
        session.Insert(trace);

        session.Fire();

        Assert.Equal(["high", "default", "low"], trace.Fired);
    }

    [Fact]
    public void Attributes_ReadIntoRuleDefinition()
    {
        var rule = Assert.Single(new RuleRepository().Load([typeof(Described)]).GetRules());

        Assert.Equal("Described", rule.Name);
        Assert.Equal("Explains itself", rule.Description);
        Assert.Equal(["a", "b"], rule.Tags);
        Assert.Equal(RuleRepeatability.NonRepeatable, rule.Repeatability);
        Assert.Equal(typeof(Described), rule.RuleType);
    }

    [Fact]
    public void Attributes_Missing_DefaultsToTypeNameAndZeroPriority()
    {
        var rule = Assert.Single(new RuleRepository().Load([typeof(InheritsTag)]).GetRules());

        Assert.Equal(typeof(InheritsTag).FullName, rule.Name);
        Assert.Equal(0, rule.Priority);
        Assert.Equal(RuleRepeatability.Repeatable, rule.Repeatability);
        Assert.Equal(["base"], rule.Tags);
    }

    [Fact]
    public void NonRepeatable_ActionUpdatesOwnFact_FiresOnce()
    {
        var session = Engine.Session(typeof(Described));
        session.Insert(new Order(1, 1, 1m));

        var fired = session.Fire(100);

        Assert.Equal(1, fired);
    }

    [Fact]
    public void Repeatable_ActionUpdatesOwnFact_FiresUntilLimit()
    {
        var session = Engine.Session(typeof(Repeating));
        session.Insert(new Order(1, 1, 1m));

        var fired = session.Fire(25);

        Assert.Equal(25, fired);
    }
}
