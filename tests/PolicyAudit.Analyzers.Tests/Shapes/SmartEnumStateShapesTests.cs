using Microsoft.CodeAnalysis.Testing;
using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// Measured on an e-learning platform (docs/analyzer-evaluation.md, eleventh round): states written as an
/// <c>Enumeration</c> class (a "smart enum": <c>public static readonly CourseStatus Draft = new(1, "Draft")</c>) are
/// states as an enum's members are, in the policies and in the code.
/// </summary>
public sealed class SmartEnumStateShapesTests
{
    private const string Domain = """
        namespace Learning
        {
            public abstract class Enumeration
            {
                protected Enumeration(int id, string name) { Id = id; Name = name; }
                public int Id { get; }
                public string Name { get; }
                public override bool Equals(object? obj) => obj is Enumeration other && other.Id == Id;
                public override int GetHashCode() => Id;
            }

            public sealed class CourseStatus : Enumeration
            {
                public static readonly CourseStatus Draft = new CourseStatus(1, nameof(Draft));
                public static readonly CourseStatus Published = new CourseStatus(2, nameof(Published));
                public static readonly CourseStatus Archived = new CourseStatus(3, nameof(Archived));
                private CourseStatus(int id, string name) : base(id, name) { }
            }

            public sealed class Level : Enumeration
            {
                public static Level Basic = new Level(1, nameof(Basic));
                public static Level Advanced = new Level(2, nameof(Advanced));
                private Level(int id, string name) : base(id, name) { }
            }

            public sealed class Course
            {
                public Level Level { get; set; } = Level.Basic;
                public CourseStatus Status { get; set; } = CourseStatus.Draft;
                public string Title { get; set; } = "";
            }
        }
        """;

    private const string Policies = """
        using PolicyAudit;
        using Learning;
        namespace Learning.Policies
        {
            [Policy("published-courses-only")]
            public sealed class PublishedCoursesOnly : Policy
            {
                public override void Define()
                {
                    Course course = null!;
                    When().Match(() => course, c => c.Status != CourseStatus.Published);
                    Then().Deny("The course is not published.");
                }
            }

            [Policy("advanced-needs-mentor")]
            public sealed class AdvancedNeedsMentor : Policy
            {
                public override void Define()
                {
                    Course course = null!;
                    When().Match(() => course, c => c.Level == Level.Advanced);
                    Then().RequireApproval(() => "Advanced courses need a mentor's approval.");
                }
            }
        }
        """;

    private static Task VerifyAsync(string markup, params DiagnosticResult[] expected) => VerifyCS.VerifyBesideAsync(markup, [Domain, Policies], expected);

    [Fact]
    public async Task Enrol_SmartEnumStateTested_IsReported()
    {
        await VerifyAsync("""
            using Learning;
            public static class Enrolment
            {
                public static void Enrol(Course course)
                {
                    if ({|#0:course.Status != CourseStatus.Published|})
                        throw new System.InvalidOperationException("Not published.");
                }

                public static bool IsOpen(Course course) => {|#1:course.Status.Equals(CourseStatus.Published)|};

                public static bool NeedsMentor(Course course) => {|#2:course.Level == Level.Advanced|};
            }
            """,
            VerifyCS.Expected(0, "course.Status != CourseStatus.Published", "policy 'published-courses-only'"),
            VerifyCS.Expected(1, "course.Status.Equals(CourseStatus.Published)", "policy 'published-courses-only'"),
            VerifyCS.Expected(2, "course.Level == Level.Advanced", "policy 'advanced-needs-mentor'"));
    }

    [Fact]
    public async Task Describe_SmartEnumStateNoPolicyNames_IsNotReported()
    {
        await VerifyAsync("""
            using Learning;
            public static class Labels
            {
                public static string Describe(Course course) =>
                    course.Status == CourseStatus.Archived ? "archived" : course.Title;
            }
            """);
    }
}
