using Microsoft.CodeAnalysis.Testing;
using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// Measured on a property manager (docs/analyzer-evaluation.md, ninth round): a database query that lists the current
/// leases (<c>l.StartDate &lt;= today &amp;&amp; l.EndDate &gt;= today</c>) and returns them shows rows; a window moved by a
/// span (<c>now.AddDays(7)</c>) and a batch that processes what it picked stay reported.
/// </summary>
public sealed class ReturnedListingShapesTests
{
    private const string Domain = """
        using System;
        namespace Leasing
        {
            public sealed class Lease
            {
                public DateTime StartDate { get; set; }
                public DateTime EndDate { get; set; }
                public bool Closed { get; set; }
            }
        }
        """;

    private const string Policies = """
        using System;
        using PolicyAudit;
        using Leasing;
        namespace Leasing.Policies
        {
            [Policy("lease-term")]
            public sealed class LeaseTerm : Policy
            {
                public override void Define()
                {
                    Lease lease = null!;
                    When().Match(() => lease, l => l.EndDate < DateTime.Today);
                    Then().Deny("The lease has ended.");
                }
            }
        }
        """;

    private static Task VerifyAsync(string markup, params DiagnosticResult[] expected) => VerifyCS.VerifyBesideAsync(markup, [Domain, Policies], expected);

    [Fact]
    public async Task CurrentRowsListedAndReturned_AreNotReported()
    {
        await VerifyAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using Leasing;
            public static class Leases
            {
                public static List<Lease> Current(IQueryable<Lease> leases)
                {
                    var today = DateTime.Today;
                    return leases.Where(l => l.StartDate <= today && l.EndDate >= today).OrderBy(l => l.StartDate).ToList();
                }
            }
            """);
    }

    [Fact]
    public async Task WindowMovedByASpanOrRowsProcessed_AreReported()
    {
        await VerifyAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using Leasing;
            public static class Leases
            {
                public static List<Lease> EndingSoon(IQueryable<Lease> leases) =>
                    leases.Where(l => {|#0:l.EndDate < DateTime.Today.AddDays(30)|}).ToList();

                public static void CloseEnded(IQueryable<Lease> leases)
                {
                    var ended = leases.Where(l => {|#1:l.EndDate < DateTime.Today|}).ToList();
                    foreach (var lease in ended)
                    {
                        lease.Closed = true;
                    }
                }
            }
            """,
            VerifyCS.Expected(0, "l.EndDate < DateTime.Today.AddDays(30)", "policy 'lease-term'"),
            VerifyCS.Expected(1, "l.EndDate < DateTime.Today", "policy 'lease-term'"));
    }
}
