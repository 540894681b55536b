using PolicyAudit.Analyzers.Tests.Infrastructure;
using PolicyAudit.Analyzers.Tests.Verifiers;
using VerifyCheck = PolicyAudit.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer,
    PolicyAudit.Analyzers.CodeFixes.HardCodedPolicyCheckCodeFixProvider>;
using VerifyDecision = PolicyAudit.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    PolicyAudit.Analyzers.DecisionIgnoredAnalyzer,
    PolicyAudit.Analyzers.CodeFixes.DecisionIgnoredCodeFixProvider>;
using VerifyUnknownId = PolicyAudit.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    PolicyAudit.Analyzers.UnknownPolicyIdAnalyzer,
    PolicyAudit.Analyzers.CodeFixes.UnknownPolicyIdCodeFixProvider>;

namespace PolicyAudit.Analyzers.Tests;

/// <summary>
/// The code fixes, each applied by the standard harness to the marked diagnostic (one by one and as fix-all); the
/// fixed code must equal the expected and compile. Where no fix may be offered the fixed code is the test code.
/// </summary>

public sealed class CodeFixProviderTests
{
    private const string Ticket = """
        public sealed class Ticket
        {
            [GovernedBy("ticket-limit")]
            public int Count { get; set; }
        }

        [Policy("ticket-limit")]
        public sealed class TicketLimit : Policy
        {
            public override void Define() { }
        }
        """;

    [Fact]
    public async Task UnknownPolicyId_WithSuggestion_ReplacesLiteral()
    {
        await VerifyUnknownId.VerifyCodeFixAsync(
            """
            using PolicyAudit;
            public sealed class Parcel
            {
                [GovernedBy([|"tiket-limit"|])]
                public int Days { get; set; }
            }
            """ + "\n" + Ticket,
            """
            using PolicyAudit;
            public sealed class Parcel
            {
                [GovernedBy("ticket-limit")]
                public int Days { get; set; }
            }
            """ + "\n" + Ticket);
    }

    [Fact]
    public async Task UnknownPolicyId_WithoutSuggestion_OffersNoFix()
    {
        await VerifyUnknownId.VerifyNoCodeFixAsync(
            """
            using PolicyAudit;
            public sealed class Parcel
            {
                [GovernedBy([|"parking"|])]
                public int Days { get; set; }
            }
            """ + "\n" + Ticket);
    }

    [Theory]
    [InlineData("net8.0")]
    [InlineData("net10.0")]
    public async Task DecisionIgnored_InVoidMethod_KeepsDecisionAndReturns(string framework)
    {
        await new VerifyDecision.Test
        {
            Framework = TestFramework.FromMoniker(framework),
            TestCode = """
                using PolicyAudit;
                public sealed class Checkout(IPolicyEngine engine)
                {
                    public void Pay(object order)
                    {
                        [|engine.Evaluate(order)|];
                        System.Console.WriteLine("paid");
                    }
                }
                """,
            FixedCode = """
                using PolicyAudit;
                public sealed class Checkout(IPolicyEngine engine)
                {
                    public void Pay(object order)
                    {
                        var decision = engine.Evaluate(order);
                        if (decision.Outcome != DecisionOutcome.Allow)
                        {
                            // The policies did not allow this: stop here, or let staff record an override with IOverrideRecorder.
                            return;
                        }
                        System.Console.WriteLine("paid");
                    }
                }
                """,
        }.RunAsync();
    }

    [Fact]
    public async Task DecisionIgnored_InValueReturningMethodWithNameTaken_ThrowsWithFreshName()
    {
        await VerifyDecision.VerifyCodeFixAsync(
            """
            public sealed class Checkout(PolicyAudit.IPolicyEngine engine)
            {
                public int Pay(object order, string decision)
                {
                    _ = [|engine.Evaluate(order)|];
                    return decision.Length;
                }
            }
            """,
            """
            public sealed class Checkout(PolicyAudit.IPolicyEngine engine)
            {
                public int Pay(object order, string decision)
                {
                    var decision2 = engine.Evaluate(order);
                    if (decision2.Outcome != PolicyAudit.DecisionOutcome.Allow)
                    {
                        // The policies did not allow this: stop here, or let staff record an override with IOverrideRecorder.
                        throw new System.InvalidOperationException($"Policy decision {decision2.Id} was {decision2.Outcome}.");
                    }
                    return decision.Length;
                }
            }
            """);
    }

    [Fact]
    public async Task HardCodedCheck_WithEngineField_AsksEngine()
    {
        await VerifyCheck.VerifyCodeFixAsync(
            """
            using PolicyAudit;
            public sealed class Sales(IPolicyEngine policies)
            {
                private readonly IPolicyEngine _engine = policies;

                public string Sell(Ticket ticket)
                {
                    if ([|ticket.Count > 4|]) return "Too many";
                    return "Sold";
                }
            }
            """ + "\n" + Ticket,
            """
            using PolicyAudit;
            public sealed class Sales(IPolicyEngine policies)
            {
                private readonly IPolicyEngine _engine = policies;

                public string Sell(Ticket ticket)
                {
                    if (_engine.Evaluate(ticket).Outcome != DecisionOutcome.Allow) return "Too many";
                    return "Sold";
                }
            }
            """ + "\n" + Ticket);
    }

    [Fact]
    public async Task HardCodedCheck_SecondAction_AsksWhetherAllowed()
    {
        await VerifyCheck.VerifyCodeFixAsync(
            """
            using PolicyAudit;
            public static class Sales
            {
                public static bool CanSell(IPolicyEngine engine, Ticket ticket) => [|ticket.Count <= 4|] && ticket.Count > 0;
            }
            """ + "\n" + Ticket,
            """
            using PolicyAudit;
            public static class Sales
            {
                public static bool CanSell(IPolicyEngine engine, Ticket ticket) => engine.Evaluate(ticket).Outcome == DecisionOutcome.Allow && ticket.Count > 0;
            }
            """ + "\n" + Ticket,
            codeActionIndex: 1);
    }

    [Fact]
    public async Task HardCodedCheck_OperandOfEquality_IsParenthesized()
    {
        await VerifyCheck.VerifyCodeFixAsync(
            """
            using PolicyAudit;
            public static class Sales
            {
                public static bool Same(IPolicyEngine engine, Ticket ticket, bool flag) => flag == [|ticket.Count is > 4|];
            }
            """ + "\n" + Ticket,
            """
            using PolicyAudit;
            public static class Sales
            {
                public static bool Same(IPolicyEngine engine, Ticket ticket, bool flag) => flag == (engine.Evaluate(ticket).Outcome != DecisionOutcome.Allow);
            }
            """ + "\n" + Ticket);
    }

    [Fact]
    public async Task HardCodedCheck_WithoutEngineInScope_OffersNoFix()
    {
        await VerifyCheck.VerifyNoCodeFixAsync(
            """
            using PolicyAudit;
            public sealed class Sales(IPolicyEngine engine)
            {
                public IPolicyEngine Engine { get; } = engine;
                public static bool TooMany(Ticket ticket) => [|ticket.Count > 4|];
            }
            """ + "\n" + Ticket);
    }

    [Fact]
    public async Task HardCodedCheck_OnOwnMember_GivesThisAsFacts()
    {
        await VerifyCheck.VerifyCodeFixAsync(
            """
            using PolicyAudit;
            public sealed class Basket(IPolicyEngine engine)
            {
                [GovernedBy("ticket-limit")]
                public int Size { get; set; }

                public bool Full() => [|Size >= 10|];
            }
            """ + "\n" + Ticket,
            """
            using PolicyAudit;
            public sealed class Basket(IPolicyEngine engine)
            {
                [GovernedBy("ticket-limit")]
                public int Size { get; set; }

                public bool Full() => engine.Evaluate(this).Outcome != DecisionOutcome.Allow;
            }
            """ + "\n" + Ticket);
    }

    [Fact]
    public async Task HardCodedCheck_PolicyInReferencedAssembly_IsFixed()
    {
        var framework = TestFramework.Net100;
        var domain = framework.CompileReference("Shop.Domain", [ShopSources.Domain]);
        var policies = framework.CompileReference("Shop.Policies", [ShopSources.Policies], [domain]);

        await new VerifyCheck.Test
        {
            TestCode = """
                using PolicyAudit;
                using Shop;
                public sealed class RefundController(IPolicyEngine engine)
                {
                    public string Refund(Order order) => [|order.DaysSincePurchase > 30|] ? "Too late" : "Refunded";
                }
                """,
            FixedCode = """
                using PolicyAudit;
                using Shop;
                public sealed class RefundController(IPolicyEngine engine)
                {
                    public string Refund(Order order) => engine.Evaluate(order).Outcome != DecisionOutcome.Allow ? "Too late" : "Refunded";
                }
                """,
            TestState = { AdditionalReferences = { domain, policies } },
        }.RunAsync();
    }

    [Fact]
    public async Task HardCodedCheck_ReadsValueTheEngineWouldNotSee_OffersNoFix()
    {
        await VerifyCheck.VerifyNoCodeFixAsync(
            """
            using PolicyAudit;
            public sealed class Shelf(IPolicyEngine engine)
            {
                [GovernedBy("ticket-limit")]
                public int OnHand { get; set; }

                [GovernedBy("ticket-limit")]
                public int Capacity { get; set; }

                public bool Overfull(int quantity) => [|OnHand + quantity > Capacity|];
            }
            """ + "\n" + Ticket);
    }

    [Fact]
    public async Task HardCodedCheck_ComparedWithParameter_OffersNoFix()
    {
        await VerifyCheck.VerifyNoCodeFixAsync(
            """
            using PolicyAudit;
            public sealed class Sales(IPolicyEngine engine)
            {
                public bool TooMany(Ticket ticket, int limit) => [|ticket.Count > limit|];
            }
            """ + "\n" + Ticket);
    }

    [Fact]
    public async Task HardCodedCheck_ComparedWithLocalComputedFromMember_OffersNoFix()
    {
        await VerifyCheck.VerifyNoCodeFixAsync(
            """
            using PolicyAudit;
            public sealed class Sales(IPolicyEngine engine)
            {
                public bool TooMany(Ticket ticket)
                {
                    var doubled = ticket.Count * 2;
                    return [|doubled > 8|];
                }
            }
            """ + "\n" + Ticket);
    }

    [Fact]
    public async Task HardCodedCheck_ComparesTwoMembersOfTheSameFact_AsksAboutThatFact()
    {
        await VerifyCheck.VerifyCodeFixAsync(
            """
            using PolicyAudit;
            public sealed class Shelf(IPolicyEngine engine)
            {
                [GovernedBy("ticket-limit")]
                public int OnHand { get; set; }

                public int Capacity { get; set; }

                public bool Overfull() => [|OnHand > Capacity|];
            }
            """ + "\n" + Ticket,
            """
            using PolicyAudit;
            public sealed class Shelf(IPolicyEngine engine)
            {
                [GovernedBy("ticket-limit")]
                public int OnHand { get; set; }

                public int Capacity { get; set; }

                public bool Overfull() => engine.Evaluate(this).Outcome != DecisionOutcome.Allow;
            }
            """ + "\n" + Ticket);
    }
}
