using PolicyAudit.Analyzers.Tests.Verifiers;
using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.DecisionIgnoredAnalyzer>;

namespace PolicyAudit.Analyzers.Tests;

public sealed class DecisionIgnoredAnalyzerTests
{
    [Theory]
    [InlineData("net8.0")]
    [InlineData("net10.0")]
    public async Task Evaluate_ResultDiscardedAsStatement_IsReported(string framework)
    {
        await new VerifyCS.Test
        {
            Framework = TestFramework.FromMoniker(framework),
            TestCode = """
                using PolicyAudit;
                public sealed class Checkout(IPolicyEngine engine)
                {
                    public void Pay(object order)
                    {
                        {|#0:engine.Evaluate(order)|};
                    }
                }
                """,
            ExpectedDiagnostics =
            {
                VerifyCS.Diagnostic().WithLocation(0)
                    .WithMessage("The decision of 'engine.Evaluate(order)' is discarded; keep it and branch on its outcome"),
            },
        }.RunAsync();
    }

    [Fact]
    public async Task Evaluate_AssignedToDiscard_IsReported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
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
        await VerifyCS.VerifyAnalyzerAsync("""
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
        await VerifyCS.VerifyAnalyzerAsync("""
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
        await VerifyCS.VerifyAnalyzerAsync("""
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
        await VerifyCS.VerifyAnalyzerAsync("""
            public sealed class Calculator
            {
                public int Evaluate(params object[] terms) => terms.Length;
                public void Run() => Evaluate(1, 2);
            }
            """);
    }
}
