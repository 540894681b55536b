using Microsoft.CodeAnalysis.Testing;
using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// Measured on a library system (docs/analyzer-evaluation.md, ninth round): the loan-period policy measures a span from
/// the due date (<c>(l.DueDate - l.LoanDate).TotalDays &gt; 30</c>), and the code orders the due date against the clock
/// or the return date to find overdue loans. That asks whether a point is passed, not how long the loan runs.
/// </summary>
public sealed class SpannedDateShapesTests
{
    private const string Domain = """
        using System;
        namespace Library
        {
            public sealed class Loan
            {
                public DateTime LoanDate { get; set; }
                public DateTime DueDate { get; set; }
                public DateTime? ReturnDate { get; set; }
            }

            public sealed class Hold
            {
                public DateTime ExpiresAt { get; set; }
            }
        }
        """;

    private const string Policies = """
        using System;
        using PolicyAudit;
        using Library;
        namespace Library.Policies
        {
            [Policy("max-loan-period")]
            public sealed class MaxLoanPeriod : Policy
            {
                public override void Define()
                {
                    Loan loan = null!;
                    When().Match(() => loan, l => (l.DueDate - l.LoanDate).TotalDays > 30);
                    Then().Deny("Loans run at most thirty days.");
                }
            }

            [Policy("hold-expiry")]
            public sealed class HoldExpiry : Policy
            {
                public override void Define()
                {
                    Hold hold = null!;
                    When().Match(() => hold, h => h.ExpiresAt < DateTime.UtcNow);
                    Then().Deny("The hold has expired.");
                }
            }
        }
        """;

    private static Task VerifyAsync(string markup, params DiagnosticResult[] expected) => VerifyCS.VerifyBesideAsync(markup, [Domain, Policies], expected);

    [Fact]
    public async Task SpannedDateOrderedAgainstAPoint_IsNotReported()
    {
        await VerifyAsync("""
            using System;
            using Library;
            public static class Fines
            {
                public static int DaysLate(Loan loan) =>
                    loan.ReturnDate.HasValue && loan.ReturnDate.Value > loan.DueDate ? (int)(loan.ReturnDate.Value - loan.DueDate).TotalDays : 0;

                public static bool IsOverdue(Loan loan, DateTime now) => loan.DueDate < now || loan.DueDate <= DateTime.Now;
            }
            """);
    }

    [Fact]
    public async Task SpannedDateAgainstAPointMovedByASpan_IsReported()
    {
        await VerifyAsync("""
            using System;
            using Library;
            public static class Loans
            {
                public static void Extend(Loan loan)
                {
                    var limit = loan.LoanDate.AddDays(30);
                    if ({|#0:loan.DueDate > limit|})
                    {
                        throw new InvalidOperationException("At most thirty days.");
                    }

                    if ({|#1:(loan.DueDate - loan.LoanDate).TotalDays > 30|})
                    {
                        throw new InvalidOperationException("At most thirty days.");
                    }
                }
            }
            """,
            VerifyCS.Expected(0, "loan.DueDate > limit", "policy 'max-loan-period'"),
            VerifyCS.Expected(1, "(loan.DueDate - loan.LoanDate).TotalDays > 30", "policy 'max-loan-period'"));
    }

    [Fact]
    public async Task DateAPolicyOrdersAgainstTheClock_IsReportedAgainstThePoint()
    {
        await VerifyAsync("""
            using System;
            using Library;
            public static class Holds
            {
                public static void Collect(Hold hold)
                {
                    if ({|#0:hold.ExpiresAt < DateTime.UtcNow|})
                    {
                        throw new InvalidOperationException("Expired.");
                    }
                }
            }
            """,
            VerifyCS.Expected(0, "hold.ExpiresAt < DateTime.UtcNow", "policy 'hold-expiry'"));
    }
}
