using Microsoft.CodeAnalysis.Testing;
using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// Measured on a wallet service (docs/analyzer-evaluation.md, fifteenth round): a policy over <c>w.Balance.Amount</c>,
/// where <c>Money</c> is a value object the wallet holds twice (<c>Balance</c>, <c>AvailableBalance</c>). The amount a
/// wallet's own method is given (<c>Deposit(Money depositMoney)</c>: <c>depositMoney.Amount == 0</c>) is input, and
/// <c>Money</c>'s subtraction operator refusing a negative result defines the arithmetic; neither is the balance
/// policy. A balance read in a service's parameter is still reported.
/// </summary>
public sealed class OwnersInputShapesTests
{
    private const string Domain = """
        using System;
        namespace Wallets
        {
            public sealed record Money(decimal Amount, string Currency)
            {
                public static Money operator -(Money left, Money right)
                {
                    var result = left.Amount - right.Amount;
                    if (result < 0)
                        throw new InvalidOperationException("Result of subtraction cannot be negative.");

                    return new Money(result, left.Currency);
                }
            }

            public sealed partial class Wallet
            {
                public Money Balance { get; set; } = new(0, "EUR");
                public Money AvailableBalance { get; set; } = new(0, "EUR");
                public bool IsClosed { get; set; }
            }
        }
        """;

    private const string Policies = """
        using PolicyAudit;
        using Wallets;
        namespace Wallets.Policies
        {
            [Policy("no-close-with-balance")]
            public sealed class NoCloseWithBalance : Policy
            {
                public override void Define()
                {
                    Wallet wallet = null!;
                    When().Match(() => wallet, w => w.Balance.Amount != 0);
                    Then().Deny("Empty the wallet before closing it.");
                }
            }
        }
        """;

    private static Task VerifyAsync(string markup, params DiagnosticResult[] expected) => VerifyCS.VerifyBesideAsync(markup, [Domain, Policies], expected);

    [Fact]
    public async Task AmountGivenToTheOwnersMethodOrItsOperator_IsNotReported()
    {
        await VerifyAsync("""
            using System;
            namespace Wallets
            {
                public sealed partial class Wallet
                {
                    public string Deposit(Money depositMoney)
                    {
                        if (depositMoney.Amount == 0)
                            return "The amount must be greater than zero.";

                        Balance = new Money(Balance.Amount + depositMoney.Amount, Balance.Currency);
                        return "ok";
                    }
                }

                public sealed class Subtraction
                {
                    public static Money Difference(Money left, Money right) => left - right;
                }
            }
            """);
    }

    [Fact]
    public async Task BalanceReadThroughItsPropertyOrAServiceParameter_IsReported()
    {
        await VerifyAsync("""
            using System;
            using Wallets;
            public sealed class Closing
            {
                public void Close(Wallet wallet)
                {
                    if ({|#0:wallet.Balance.Amount != 0|})
                        throw new InvalidOperationException("The wallet still holds money.");

                    wallet.IsClosed = true;
                }

                public bool Empty(Money balance) => {|#1:balance.Amount == 0|};
            }
            """,
            VerifyCS.Expected(0, "wallet.Balance.Amount != 0", "policy 'no-close-with-balance'"),
            VerifyCS.Expected(1, "balance.Amount == 0", "policy 'no-close-with-balance'"));
    }
}
