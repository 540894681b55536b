using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// Measured held out on a feature-flag server (docs/analyzer-evaluation.md): a test written into a flag local's
/// initializer (<c>var isReviewer = Reviewers.Any(r =&gt; r.MemberId == operatorId); return isReviewer;</c>) is reported
/// where it is written, once, however often the local is used; a comparison in an initializer already was.
/// </summary>
public sealed class FlagLocalShapesTests
{
    private const string Domain = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        namespace Reviews
        {
            public sealed class Reviewer { public Guid MemberId { get; set; } }
            public sealed class ChangeRequest
            {
                [PolicyAudit.GovernedBy("reviewers-decide")] public List<Reviewer> Reviewers { get; set; } = new();
                public decimal Total { get; set; }
                public bool Locked { get; set; }
            }
        }
        """;

    private const string Policies = """
        using System.Linq;
        using PolicyAudit;
        using Reviews;
        namespace Reviews.Policies
        {
            [Policy("reviewers-decide")]
            public sealed class ReviewersDecide : Policy
            {
                public override void Define()
                {
                    ChangeRequest request = null!;
                    When().Match(() => request, r => r.Locked);
                    Then().Deny("Only reviewers decide a locked request.");
                }
            }

            [Policy("big")]
            public sealed class Big : Policy
            {
                public override void Define()
                {
                    ChangeRequest request = null!;
                    When().Match(() => request, r => r.Total > 100);
                    Then().Deny("Big.");
                }
            }
        }
        """;

    [Fact]
    public async Task FlagLocal_InitializedByTestAndUsedTwice_IsReportedOnceAtItsInitializer()
    {
        await VerifyCS.VerifyBesideAsync("""
            using System;
            using System.Linq;
            using Reviews;
            public static class Approvals
            {
                public static bool CanBeApprovedBy(ChangeRequest request, Guid operatorId)
                {
                    var isReviewer = [|request.Reviewers.Any(r => r.MemberId == operatorId)|];
                    if (!isReviewer) return false;
                    return isReviewer;
                }

                public static bool Big(ChangeRequest request)
                {
                    var over = [|request.Total > 100|];
                    if (over) return true;
                    return false;
                }
            }
            """, [Domain, Policies]);
    }
}
