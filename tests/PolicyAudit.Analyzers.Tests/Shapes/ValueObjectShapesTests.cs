using Microsoft.CodeAnalysis.Testing;
using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// Measured on WalletWasabi (docs/analyzer-evaluation.md, fifth round): amounts held in a value object written as a
/// class with its own comparison operators (<c>Money</c>). A policy comparing them governs them as it governs numbers;
/// a navigation to another entity (a class without an order) stays ungoverned.
/// </summary>
public sealed class ValueObjectShapesTests
{
    private const string Domain = """
        namespace Coinjoin
        {
            public sealed class Money : System.IEquatable<Money>
            {
                public Money(long satoshi) => Satoshi = satoshi;
                public long Satoshi { get; }
                public static bool operator <(Money a, Money b) => a.Satoshi < b.Satoshi;
                public static bool operator >(Money a, Money b) => a.Satoshi > b.Satoshi;
                public static bool operator <=(Money a, Money b) => a.Satoshi <= b.Satoshi;
                public static bool operator >=(Money a, Money b) => a.Satoshi >= b.Satoshi;
                public bool Equals(Money? other) => other is not null && other.Satoshi == Satoshi;
                public override bool Equals(object? obj) => Equals(obj as Money);
                public override int GetHashCode() => Satoshi.GetHashCode();
            }

            public sealed class RoundParameters
            {
                public Money MinAmount { get; set; } = new(5000);
                public Money MaxSuggestedAmount { get; set; } = new(100000000);
            }

            public sealed class Round
            {
                public RoundParameters Parameters { get; set; } = new();
            }

            public sealed class Alice
            {
                public Money TotalInputAmount { get; set; } = new(0);
                public Round Round { get; set; } = new();
            }
        }
        """;

    private const string Policies = """
        using PolicyAudit;
        using Coinjoin;
        namespace Coinjoin.Policies
        {
            [Policy("input-amount-minimum")]
            public sealed class InputAmountMinimum : Policy
            {
                public override void Define()
                {
                    Alice alice = null!;
                    When().Match(() => alice, a => a.TotalInputAmount < a.Round.Parameters.MinAmount);
                    Then().Deny("The inputs are worth too little to take part.");
                }
            }
        }
        """;

    [Fact]
    public async Task ValueObjectComparedWithItsOperators_IsReported()
    {
        await VerifyCS.VerifyBesideAsync("""
            using Coinjoin;
            public static class Arena
            {
                public static void Register(Alice alice, RoundParameters parameters)
                {
                    if ({|#0:alice.TotalInputAmount < parameters.MinAmount|})
                    {
                        throw new System.InvalidOperationException("not enough");
                    }
                }

                public static bool SameRound(Alice a, Alice b) => a.Round == b.Round;
            }
            """,
            [Domain, Policies],
            VerifyCS.Expected(0, "alice.TotalInputAmount < parameters.MinAmount", "policy 'input-amount-minimum'"));
    }

    [Fact]
    public async Task ValueObjectOrderingItsOwnMemberAgainstAnothers_IsNotReportedWhileAThresholdIs()
    {
        // An invoicing app's Money: `IsGreaterThan(Money other)` defines the order, as an operator does.
        const string invoicing = """
            namespace Invoicing
            {
                public sealed class Money
                {
                    public decimal Amount { get; init; }

                    public bool IsGreaterThan(Money other) => Amount > other.Amount;

                    public bool IsLessThan(Money other)
                    {
                        return other.Amount > Amount;
                    }

                    public bool IsOverTheCap() => [|Amount > 10_000_000|];
                }

                public sealed class Contract
                {
                    public Money Total { get; init; } = new();
                    public Money Paid { get; init; } = new();
                }
            }
            """;
        const string cap = """
            using PolicyAudit;
            using Invoicing;
            namespace Invoicing.Policies
            {
                [Policy("contract-amount-cap")]
                public sealed class ContractAmountCap : Policy
                {
                    public override void Define()
                    {
                        Contract contract = null!;
                        When().Match(() => contract, c => c.Total.Amount > 10_000_000);
                        Then().Deny("Contracts above ten million need the board.");
                    }
                }

                [Policy("payment-within-amount-due")]
                public sealed class PaymentWithinAmountDue : Policy
                {
                    public override void Define()
                    {
                        Contract contract = null!;
                        When().Match(() => contract, c => c.Paid.Amount > c.Total.Amount);
                        Then().RequireApproval("The payment is larger than the amount due.");
                    }
                }
            }
            """;

        await VerifyCS.VerifyBesideAsync(invoicing, [cap]);
    }
}
