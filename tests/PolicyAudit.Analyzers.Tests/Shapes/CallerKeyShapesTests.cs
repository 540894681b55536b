using Microsoft.CodeAnalysis.Testing;
using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// Measured on an e-learning site (docs/analyzer-evaluation.md, ninth round): a policy matches an attempt's
/// <c>StudentId</c> or a course's <c>TeacherId</c> with the actor's key, and the code compares the key with a parameter
/// named after it (<c>attempt.StudentId != studentId</c>) or reads it through the navigation the foreign key belongs to
/// (<c>course.Teacher.User.Id != userId</c>). Both are the ownership match; a same-named value the method then writes
/// to the key is a new version of it.
/// </summary>
public sealed class CallerKeyShapesTests
{
    private const string Domain = """
        namespace Learning
        {
            public sealed class AppUser
            {
                public string Id { get; set; } = "";
                public string Name { get; set; } = "";
            }

            public sealed class Teacher
            {
                public string TeacherId { get; set; } = "";
                public string UserId { get; set; } = "";
                public AppUser User { get; set; } = new();
            }

            public sealed class Student
            {
                public string StudentId { get; set; } = "";
            }

            public sealed class Course
            {
                public string TeacherId { get; set; } = "";
                public Teacher Teacher { get; set; } = new();
                public string ReviewerId { get; set; } = "";
                public Teacher Reviewer { get; set; } = new();
            }

            public sealed class Lesson
            {
                public Course Course { get; set; } = new();
            }

            public sealed class Attempt
            {
                public string StudentId { get; set; } = "";
                public string Answers { get; set; } = "";
            }
        }
        """;

    private const string Policies = """
        using PolicyAudit;
        using Learning;
        namespace Learning.Policies
        {
            [Policy("course-teacher-only")]
            public sealed class CourseTeacherOnly : Policy
            {
                public override void Define()
                {
                    Course course = null!;
                    Teacher teacher = null!;
                    When().Match(() => course).Match(() => teacher, t => t.TeacherId != course.TeacherId);
                    Then().Deny("You are not the teacher of this course.");
                }
            }

            [Policy("own-attempt-only")]
            public sealed class OwnAttemptOnly : Policy
            {
                public override void Define()
                {
                    Attempt attempt = null!;
                    Student student = null!;
                    When().Match(() => attempt).Match(() => student, s => s.StudentId != attempt.StudentId);
                    Then().Deny("This attempt belongs to another student.");
                }
            }
        }
        """;

    private static Task VerifyAsync(string markup, params DiagnosticResult[] expected) => VerifyCS.VerifyBesideAsync(markup, [Domain, Policies], expected);

    [Fact]
    public async Task OwnerKeyAgainstAParameterNamedAfterIt_IsReported()
    {
        await VerifyAsync("""
            using System;
            using Learning;
            public static class Attempts
            {
                public static void SaveAnswers(Attempt attempt, string studentId, string answers)
                {
                    if ({|#0:attempt.StudentId != studentId|})
                    {
                        throw new UnauthorizedAccessException("Not your attempt.");
                    }

                    attempt.Answers = answers;
                }

                public static bool IsMine(Attempt attempt, Func<string> currentStudent)
                {
                    var studentId = currentStudent();
                    return {|#1:attempt.StudentId == studentId|};
                }
            }
            """,
            VerifyCS.Expected(0, "attempt.StudentId != studentId", "policy 'own-attempt-only'"),
            VerifyCS.Expected(1, "attempt.StudentId == studentId", "policy 'own-attempt-only'"));
    }

    [Fact]
    public async Task OwnerKeyAgainstTheValueTheMethodWritesToIt_IsNotReported()
    {
        await VerifyAsync("""
            using Learning;
            public static class Transfers
            {
                public static bool Reassign(Attempt attempt, string studentId)
                {
                    if (attempt.StudentId == studentId)
                    {
                        return false;
                    }

                    attempt.StudentId = studentId;
                    return true;
                }
            }
            """);
    }

    [Fact]
    public async Task OwnerKeyBeforeAHelperCreatingAnotherTypeUnderTheSameName_IsReported()
    {
        await VerifyAsync("""
            using System;
            using Learning;
            public sealed class Feedback
            {
                public string StudentId { get; set; } = "";
            }

            public static class Reviews
            {
                public static Feedback Review(Attempt attempt, string studentId)
                {
                    if ({|#0:attempt.StudentId != studentId|})
                    {
                        throw new UnauthorizedAccessException("Not your attempt.");
                    }

                    return Record(attempt, studentId);
                }

                private static Feedback Record(Attempt attempt, string studentId) => new Feedback { StudentId = studentId };
            }
            """,
            VerifyCS.Expected(0, "attempt.StudentId != studentId", "policy 'own-attempt-only'"));
    }

    [Fact]
    public async Task KeyReadThroughTheGovernedForeignKeysNavigation_IsReported()
    {
        await VerifyAsync("""
            using System;
            using Learning;
            public static class Lessons
            {
                public static void Edit(Lesson lesson, string userId)
                {
                    if ({|#0:lesson.Course.Teacher.User.Id != userId|})
                    {
                        throw new UnauthorizedAccessException("You are not the teacher of this course.");
                    }
                }

                public static bool Teaches(Course course, Teacher teacher) => {|#1:course.Teacher.TeacherId == teacher.TeacherId|};
            }
            """,
            VerifyCS.Expected(0, "lesson.Course.Teacher.User.Id != userId", "policy 'course-teacher-only'"),
            VerifyCS.Expected(1, "course.Teacher.TeacherId == teacher.TeacherId", "policy 'course-teacher-only'"));
    }

    [Fact]
    public async Task KeyThroughANavigationWhoseForeignKeyNoPolicyMatches_IsNotReported()
    {
        await VerifyAsync("""
            using System;
            using Learning;
            public static class Reviews
            {
                public static void Approve(Course course, string userId)
                {
                    if (course.Reviewer.User.Id != userId)
                    {
                        throw new UnauthorizedAccessException("Only the reviewer approves.");
                    }
                }

                public static bool SameName(Course course, AppUser user) => course.Teacher.User.Name == user.Name;
            }
            """);
    }
}
