using Microsoft.CodeAnalysis.Testing;
using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// Measured on a claims app (docs/analyzer-evaluation.md, tenth round): predicates handed to a repository's listing
/// method (<c>GetListAsync(c =&gt; c.Status == ClaimStatus.Pending)</c>) or returned by a method that builds a listing's
/// filter pick rows to show, as a listing's <c>Where</c> does. A repository's answer (<c>AnyAsync</c>) and rows whose
/// count is compared stay reported.
/// </summary>
public sealed class ListingPredicateShapesTests
{
    private const string Domain = """
        using System;
        using System.Collections.Generic;
        using System.Linq.Expressions;
        using System.Threading.Tasks;
        namespace Claims
        {
            public enum ClaimStatus { Draft, Pending, Approved, Paid }
            public enum ViewMode { Claimer, Finance }

            public sealed class Claim
            {
                public int Id { get; set; }
                public ClaimStatus Status { get; set; }
                public bool IsUrgent { get; set; }
            }

            public interface IRepository<T>
            {
                Task<List<T>> GetListAsync(Expression<Func<T, bool>> predicate);
                Task<bool> AnyAsync(Expression<Func<T, bool>> predicate);
            }
        }
        """;

    private const string Policies = """
        using PolicyAudit;
        using Claims;
        namespace Claims.Policies
        {
            [Policy("pay-approved-claims")]
            public sealed class PayApprovedClaims : Policy
            {
                public override void Define()
                {
                    Claim claim = null!;
                    When().Match(() => claim, c => c.Status != ClaimStatus.Approved);
                    Then().Deny("Only approved claims are paid.");
                }
            }

            [Policy("urgent-claims-escalate")]
            public sealed class UrgentClaimsEscalate : Policy
            {
                public override void Define()
                {
                    Claim claim = null!;
                    When().Match(() => claim, c => c.IsUrgent);
                    Then().RequireApproval(() => "Urgent claims are escalated.");
                }
            }
        }
        """;

    private static Task VerifyAsync(string markup, params DiagnosticResult[] expected) => VerifyCS.VerifyBesideAsync(markup, [Domain, Policies], expected);

    [Fact]
    public async Task GetListAsync_StatePicksTheRowsListed_IsNotReported()
    {
        await VerifyAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Claims;
            public sealed class FinanceDesk(IRepository<Claim> claims)
            {
                public async Task<List<Claim>> ToPayAsync()
                {
                    var rows = await claims.GetListAsync(c => c.Status == ClaimStatus.Approved);
                    if (rows.Count == 0)
                    {
                        return new List<Claim>();
                    }

                    return rows;
                }
            }
            """);
    }

    [Fact]
    public async Task FilterBuilder_ReturnedPredicatePerViewMode_IsNotReported()
    {
        await VerifyAsync("""
            using System;
            using System.Linq.Expressions;
            using Claims;
            public static class ClaimFilters
            {
                public static Expression<Func<Claim, bool>> For(ViewMode mode) => mode switch
                {
                    ViewMode.Finance => c => c.Status == ClaimStatus.Approved || c.Status == ClaimStatus.Paid,
                    _ => c => true,
                };
            }
            """);
    }

    [Fact]
    public async Task AnyAsync_RepositoryAnswersWhetherARowMatches_IsReported()
    {
        await VerifyAsync("""
            using System.Threading.Tasks;
            using Claims;
            public sealed class Payments(IRepository<Claim> claims)
            {
                public Task<bool> CanPayAsync(int id) => claims.AnyAsync(c => {|#0:c.Status == ClaimStatus.Approved|});
            }
            """,
            VerifyCS.Expected(0, "c.Status == ClaimStatus.Approved", "policy 'pay-approved-claims'"));
    }

    [Fact]
    public async Task GetListAsync_CountOfTheRowsCompared_IsReported()
    {
        await VerifyAsync("""
            using System.Threading.Tasks;
            using Claims;
            public sealed class Payments(IRepository<Claim> claims)
            {
                public async Task<bool> BatchReadyAsync()
                {
                    var approved = await claims.GetListAsync(c => {|#0:c.Status == ClaimStatus.Approved|});
                    return approved.Count >= 10;
                }
            }
            """,
            VerifyCS.Expected(0, "c.Status == ClaimStatus.Approved", "policy 'pay-approved-claims'"));
    }

    [Fact]
    public async Task Collect_ItemsMatchingTheStateAddedInALoop_IsNotReported()
    {
        await VerifyAsync("""
            using System.Collections.Generic;
            using Claims;
            public static class Payouts
            {
                public static List<Claim> Approved(IEnumerable<Claim> all)
                {
                    var approved = new List<Claim>();
                    foreach (var claim in all)
                    {
                        if (claim.Status == ClaimStatus.Approved)
                            approved.Add(claim);
                    }

                    return approved;
                }
            }
            """);
    }

    [Fact]
    public async Task Pay_StateTestedInALoopThatRefuses_IsReported()
    {
        await VerifyAsync("""
            using System.Collections.Generic;
            using Claims;
            public static class Payouts
            {
                public static List<Claim> Pay(IEnumerable<Claim> all)
                {
                    var paid = new List<Claim>();
                    foreach (var claim in all)
                    {
                        if ({|#0:claim.Status != ClaimStatus.Approved|})
                            throw new System.InvalidOperationException("Only approved claims are paid.");
                        paid.Add(claim);
                    }

                    return paid;
                }
            }
            """,
            VerifyCS.Expected(0, "claim.Status != ClaimStatus.Approved", "policy 'pay-approved-claims'"));
    }
}
