using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// Measured on a tour-guide app (docs/analyzer-evaluation.md, eighteenth round): a governed position kept below a list's
/// size before the list is indexed with it (<c>if (execution.CurrentKeyPoint &lt; ordered.Count) next =
/// ordered[execution.CurrentKeyPoint];</c>) keeps the index in range and refuses nothing. The same comparison guarding
/// anything else, or a list indexed with another value, is reported.
/// </summary>
public sealed class IndexBoundShapesTests
{
    private const string Domain = """
        namespace Tours
        {
            public sealed class TourExecution
            {
                public int CurrentKeyPoint { get; set; }
            }
        }
        """;

    private const string Policies = """
        using PolicyAudit;
        using Tours;

        namespace Tours.Policies
        {
            [Policy("review-after-progress")]
            public sealed class ReviewAfterProgress : Policy
            {
                public override void Define()
                {
                    TourExecution execution = null!;
                    When().Match(() => execution, e => e.CurrentKeyPoint < 3);
                    Then().Deny("Finish more of the tour before reviewing it.");
                }
            }
        }
        """;

    [Fact]
    public async Task PositionBoundedBeforeIndexing_IsNotReported()
    {
        await VerifyCS.VerifyBesideAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using Tours;

            public static class Guide
            {
                public static string? Next(TourExecution execution, List<string> ordered, string[] names)
                {
                    string? next = null;
                    if (execution.CurrentKeyPoint >= 0 && execution.CurrentKeyPoint < ordered.Count)
                        next = ordered[execution.CurrentKeyPoint];

                    if (ordered.Count() > execution.CurrentKeyPoint)
                    {
                        next = ordered[execution.CurrentKeyPoint];
                    }

                    return execution.CurrentKeyPoint < names.Length ? names[execution.CurrentKeyPoint] : next;
                }
            }
            """,
            [Domain, Policies]);
    }

    [Fact]
    public async Task PositionBoundedForAnythingElse_IsReported()
    {
        await VerifyCS.VerifyBesideAsync("""
            using System;
            using System.Collections.Generic;
            using Tours;

            public static class Guide
            {
                public static string Review(TourExecution execution, List<string> ordered, int other)
                {
                    if ([|execution.CurrentKeyPoint < ordered.Count|])
                        throw new InvalidOperationException("Finish the tour first.");

                    if ([|execution.CurrentKeyPoint < ordered.Count|])
                        return ordered[other];

                    return "ok";
                }
            }
            """,
            [Domain, Policies]);
    }
}
