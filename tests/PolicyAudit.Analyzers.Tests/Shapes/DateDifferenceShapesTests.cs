using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// Measured on a quiz system's courses and an invoicing app's installments (docs/analyzer-evaluation.md, eighteenth
/// round): a governed date's distance from another date compared with zero (<c>startDate.Subtract(DateTime.Now).TotalDays
/// &lt; 0</c>, <c>(DateTime.UtcNow - due).Days &lt;= 0</c>) orders the two dates, so zero is no guard there. A
/// <c>TimeSpan</c> that is no difference stays a guard.
/// </summary>
public sealed class DateDifferenceShapesTests
{
    private const string Domain = """
        using System;
        namespace Courses
        {
            public sealed class Course
            {
                public DateTime StartDate { get; set; }
            }
        }
        """;

    private const string Policies = """
        using System;
        using PolicyAudit;
        using Courses;

        namespace Courses.Policies
        {
            [Policy("course-start-locked")]
            public sealed class CourseStartLocked : Policy
            {
                public override void Define()
                {
                    Course course = null!;
                    When().Match(() => course, c => c.StartDate < DateTime.UtcNow);
                    Then().Deny("A course that has started keeps its dates.");
                }
            }
        }
        """;

    [Fact]
    public async Task DistanceBetweenDatesComparedWithZero_IsReported()
    {
        await VerifyCS.VerifyBesideAsync("""
            using System;
            using Courses;

            public static class Schedule
            {
                public static void Move(Course course, DateTime newStart)
                {
                    if ([|course.StartDate.Subtract(DateTime.Now).TotalDays < 0|])
                        throw new InvalidOperationException("The course has started.");

                    var started = (DateTime.UtcNow - course.StartDate).Days;
                    if ([|started > 0|])
                        throw new InvalidOperationException("The course has started.");

                    course.StartDate = newStart;
                }
            }
            """,
            [Domain, Policies]);
    }

    [Fact]
    public async Task TimeOfDayComparedWithZero_IsNotReported()
    {
        await VerifyCS.VerifyBesideAsync("""
            using System;
            using Courses;

            public static class Schedule
            {
                public static string Shown(Course course) =>
                    course.StartDate.TimeOfDay.TotalMinutes > 0 ? course.StartDate.ToString("g") : course.StartDate.ToString("d");
            }
            """,
            [Domain, Policies]);
    }
}
