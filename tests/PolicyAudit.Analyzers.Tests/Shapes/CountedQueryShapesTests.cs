using PolicyAudit.Analyzers.Tests.Verifiers;
using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// Measured on a library's circulation rules (docs/analyzer-evaluation.md, eighth round): an NRules query that collects
/// and counts (<c>Query(() =&gt; loans, q =&gt; q.Match&lt;Loan&gt;(l =&gt; l.Status == Active).Collect().Where(c =&gt; c.Count() &gt;= 5))</c>)
/// tests the state only to choose what it counts. The code's count of active loans is the policy's check; a search or a
/// listing of active loans is not. The generator and PA0006's fix write the <c>#count</c> item that says so.
/// </summary>
public sealed class CountedQueryShapesTests
{
    private const string Domain = """
        namespace Lib
        {
            public enum LoanStatus { Active, Returned }

            public class Loan
            {
                public int MemberId { get; set; }
                public LoanStatus Status { get; set; }
            }

            public class Member
            {
                public int Id { get; set; }
            }
        }
        """;

    private const string Policies = """
        using System.Collections.Generic;
        using System.Linq;
        using Lib;
        using NRules.Fluent.Dsl;
        using PolicyAudit;

        [Policy("loan-limit")]
        public sealed class LoanLimit : Policy
        {
            public override void Define()
            {
                Member member = null!;
                IEnumerable<Loan> loans = null!;
                When().Match(() => member)
                      .Query(() => loans, q => q.Match<Loan>(l => l.MemberId == member.Id, l => l.Status == LoanStatus.Active)
                                                .Collect()
                                                .Where(c => c.Count() >= 5));
                Then().Deny("At most five loans at once.");
            }
        }
        """;

    private const string App = """
        using System.Collections.Generic;
        using System.Linq;
        using Lib;
        public class Circulation
        {
            public bool HasActive(List<Loan> loans) => loans.Any(l => l.Status == LoanStatus.Active);

            public List<Loan> Active(List<Loan> loans) => loans.Where(l => l.Status == LoanStatus.Active).ToList();

            public bool AtLimit(List<Loan> loans) => loans.Count(l => [|l.Status == LoanStatus.Active|]) >= 5;

            public bool AtLimitToo(List<Loan> loans) => loans.Where(l => [|l.Status == LoanStatus.Active|]).Count() >= 5;
        }
        """;

    [Fact]
    public async Task StateChoosingCountedItems_ThroughTheGenerator_IsReportedOnlyInACount()
    {
        var framework = TestFramework.Net100;
        var domain = framework.CompileReference("Lib.Domain", [Domain]);
        var policies = framework.CompileReference("Lib.Policies", [Policies], [domain]);

        await new VerifyCS.Test
        {
            TestCode = App,
            TestState = { AdditionalReferences = { domain, policies } },
        }.RunAsync();
    }

    [Fact]
    public async Task StateChoosingCountedItems_MarkedWhereDeclared_IsReportedOnlyInACount()
    {
        var marked = Domain.Replace(
            "public LoanStatus Status { get; set; }",
            "[PolicyAudit.GovernedBy(\"loan-limit\", Conditions = \"==0;#count\")] public LoanStatus Status { get; set; }",
            System.StringComparison.Ordinal);

        await VerifyCS.VerifyAnalyzerAsync(App + marked);
    }
}
