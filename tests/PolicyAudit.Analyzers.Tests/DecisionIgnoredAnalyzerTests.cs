using PolicyAudit.Analyzers.Tests.Infrastructure;

namespace PolicyAudit.Analyzers.Tests;

public sealed class DecisionIgnoredAnalyzerTests
{
    private const string Rule = "PA0002";

    [Fact]
    public async Task Evaluate_ResultDiscardedAsStatement_IsReported()
    {
        var diagnostics = await AnalyzerVerifier.VerifyAsync(Rule, """
            using PolicyAudit;
            public sealed class Checkout(IPolicyEngine engine)
            {
                public void Pay(object order)
                {
                    [|engine.Evaluate(order)|];
                }
            }
            """);

        Assert.Equal(
            "The decision of 'engine.Evaluate(order)' is discarded; keep it and branch on its outcome",
            Assert.Single(diagnostics).GetMessage());
    }

    [Fact]
    public async Task Evaluate_AssignedToDiscard_IsReported()
    {
        await AnalyzerVerifier.VerifyAsync(Rule, """
            using PolicyAudit;
            public sealed class Checkout(IPolicyEngine engine)
            {
                public void Pay(object order) => _ = [|engine.Evaluate(order)|];
            }
            """);
    }

    [Fact]
    public async Task Evaluate_NullConditionalCallDiscarded_IsReported()
    {
        await AnalyzerVerifier.VerifyAsync(Rule, """
            using PolicyAudit;
            public sealed class Checkout(IPolicyEngine? engine)
            {
                public void Pay(object order)
                {
                    engine?[|.Evaluate(order)|];
                }
            }
            """);
    }

    [Fact]
    public async Task Evaluate_OnImplementingClass_IsReported()
    {
        await AnalyzerVerifier.VerifyAsync(Rule, """
            using PolicyAudit;
            public sealed class FakeEngine : IPolicyEngine
            {
                public Decision Evaluate(params object[] facts) => new Decision();
            }

            public static class Checkout
            {
                public static void Pay(FakeEngine engine, object order)
                {
                    [|engine.Evaluate(order, "extra")|];
                }
            }
            """);
    }

    [Fact]
    public async Task Evaluate_DecisionUsed_IsNotReported()
    {
        await AnalyzerVerifier.VerifyAsync(Rule, """
            using PolicyAudit;
            public sealed class Checkout(IPolicyEngine engine)
            {
                public bool Pay(object order)
                {
                    var decision = engine.Evaluate(order);
                    Log(engine.Evaluate(order));
                    return decision.Outcome == DecisionOutcome.Allow && engine.Evaluate(order).Outcome != DecisionOutcome.Deny;
                }

                public Decision Ask(object order) => engine.Evaluate(order);

                private static void Log(Decision decision) { }
            }
            """);
    }

    [Fact]
    public async Task SameNamedMethod_OfUnrelatedType_IsNotReported()
    {
        await AnalyzerVerifier.VerifyAsync(Rule, """
            public sealed class Calculator
            {
                public int Evaluate(params object[] terms) => terms.Length;
                public void Run() => Evaluate(1, 2);
            }
            """);
    }
}
