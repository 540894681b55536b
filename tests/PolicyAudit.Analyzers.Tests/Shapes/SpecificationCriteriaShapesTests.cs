using Microsoft.CodeAnalysis.Testing;
using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// Measured on a university system (docs/analyzer-evaluation.md, ninth round): the specification pattern's criteria
/// (<c>Criteria = e =&gt; e.Status != ExamStatus.Cancelled</c> in an <c>UpcomingExamsSpec</c>) choose the rows a
/// repository returns. The same test in the entity's own guard is still reported.
/// </summary>
public sealed class SpecificationCriteriaShapesTests
{
    private const string Domain = """
        using System;
        using System.Linq.Expressions;
        namespace Exams
        {
            public enum ExamStatus { Scheduled, Cancelled, Completed }

            public sealed class Exam
            {
                public DateTime ExamDate { get; set; }
                public ExamStatus Status { get; set; }
            }

            public abstract class BaseSpecification<T>
            {
                public Expression<Func<T, bool>>? Criteria { get; protected set; }
                protected void AddOrderBy(Expression<Func<T, object>> key) { }
            }
        }
        """;

    private const string Policies = """
        using PolicyAudit;
        using Exams;
        namespace Exams.Policies
        {
            [Policy("cancelled-exam-frozen")]
            public sealed class CancelledExamFrozen : Policy
            {
                public override void Define()
                {
                    Exam exam = null!;
                    When().Match(() => exam, e => e.Status == ExamStatus.Cancelled);
                    Then().Deny("A cancelled exam cannot be rescheduled.");
                }
            }
        }
        """;

    private static Task VerifyAsync(string markup, params DiagnosticResult[] expected) => VerifyCS.VerifyBesideAsync(markup, [Domain, Policies], expected);

    [Fact]
    public async Task StateInASpecificationsCriteria_IsNotReported()
    {
        await VerifyAsync("""
            using System;
            using Exams;
            public sealed class UpcomingExamsSpec : BaseSpecification<Exam>
            {
                public UpcomingExamsSpec(DateTime now)
                {
                    Criteria = e => e.ExamDate >= now && e.Status != ExamStatus.Cancelled;
                    AddOrderBy(e => e.ExamDate);
                }
            }
            """);
    }

    [Fact]
    public async Task StateInAServicesGuard_IsReported()
    {
        await VerifyAsync("""
            using System;
            using Exams;
            public static class Scheduling
            {
                public static void Reschedule(Exam exam, DateTime date)
                {
                    if ({|#0:exam.Status == ExamStatus.Cancelled|})
                    {
                        throw new InvalidOperationException("Cancelled.");
                    }

                    exam.ExamDate = date;
                }
            }
            """,
            VerifyCS.Expected(0, "exam.Status == ExamStatus.Cancelled", "policy 'cancelled-exam-frozen'"));
    }
}
