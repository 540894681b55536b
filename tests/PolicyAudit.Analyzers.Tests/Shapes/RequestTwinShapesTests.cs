using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// Measured on a course registration and a hotel booking service (docs/analyzer-evaluation.md, sixteenth round): the
/// policies read the entities (<c>Enrollment.CreditHours &gt; 6</c>, <c>Booking.CheckInDate &lt; now</c>), while the
/// application checks the request it will build them from (<c>CreateEnrollmentCommand</c>, <c>CreateBookingRequest</c>).
/// A request named after an entity carries that entity's governed member of the same name, but only an ordering against
/// what the policy orders it against is the policy's check: the policy's own constant, the clock, another governed
/// member. Other limits, two members of the request ordered against each other, and requested flags are the request's
/// own shape.
/// </summary>
public sealed class RequestTwinShapesTests
{
    private const string Policies = """
        using System;
        using PolicyAudit;
        using School;
        namespace School.Policies
        {
            [Policy("enrollment-credit-cap")]
            public sealed class EnrollmentCreditCap : Policy
            {
                public override void Define()
                {
                    Enrollment enrollment = null!;
                    When().Match(() => enrollment, e => e.CreditHours > 6);
                    Then().Deny("At most six credit hours.");
                }
            }

            [Policy("check-in-not-past")]
            public sealed class CheckInNotPast : Policy
            {
                public override void Define()
                {
                    Booking booking = null!;
                    When().Match(() => booking, b => b.CheckInDate < DateTime.UtcNow);
                    Then().Deny("Check-in lies in the past.");
                }
            }

            [Policy("inactive-student")]
            public sealed class InactiveStudent : Policy
            {
                public override void Define()
                {
                    Student student = null!;
                    When().Match(() => student, s => !s.IsActive);
                    Then().Deny("The student is inactive.");
                }
            }
        }
        """;

    private const string EntitiesAndRequests = """
            public sealed class Enrollment
            {
                public int CreditHours { get; set; }
            }

            public sealed class Booking
            {
                public System.DateTime CheckInDate { get; set; }
                public System.DateTime CheckOutDate { get; set; }
            }

            public sealed class Student
            {
                public bool IsActive { get; private set; }
                public void Deactivate() => IsActive = false;
                public void Reactivate() => IsActive = true;
            }

            public sealed class CreateEnrollmentCommand
            {
                public int CreditHours { get; set; }
            }

            public sealed class CreateBookingRequest
            {
                public System.DateTime CheckInDate { get; set; }
                public System.DateTime CheckOutDate { get; set; }
            }

            public sealed class UpdateStudentCommand
            {
                public bool IsActive { get; set; }
            }
        """;

    [Fact]
    public async Task RequestNamedAfterAnEntity_PolicysConstantOrClock_IsReported()
    {
        await VerifyCS.VerifyBesideAsync("""
            namespace School
            {
            """ + EntitiesAndRequests + """
                public static class Intake
                {
                    public static void Check(CreateEnrollmentCommand command)
                    {
                        if ([|command.CreditHours > 6|]) throw new System.InvalidOperationException("At most six credit hours.");
                    }

                    public static void Check(CreateBookingRequest request)
                    {
                        if ([|request.CheckInDate < System.DateTime.UtcNow|]) throw new System.InvalidOperationException("Check-in lies in the past.");
                    }
                }
            }
            """,
            [Policies]);
    }

    [Fact]
    public async Task RequestNamedAfterAnEntity_OwnShapeOrRequestedFlag_IsNotReported()
    {
        await VerifyCS.VerifyBesideAsync("""
            namespace School
            {
            """ + EntitiesAndRequests + """
                public static class Intake
                {
                    public static void Check(CreateEnrollmentCommand command)
                    {
                        if (command.CreditHours > 40) throw new System.ArgumentOutOfRangeException(nameof(command));
                    }

                    public static void Check(CreateBookingRequest request)
                    {
                        if (request.CheckOutDate <= request.CheckInDate) throw new System.ArgumentException("Check-out must follow check-in.");
                    }

                    public static string Apply(UpdateStudentCommand command) => command.IsActive ? "activate" : "deactivate";
                }
            }
            """,
            [Policies]);
    }

    [Fact]
    public async Task FlagTestedBesideTheRequestsCopy_AppliesTheRequest_IsNotReported()
    {
        await VerifyCS.VerifyBesideAsync("""
            namespace School
            {
            """ + EntitiesAndRequests + """
                public static class StudentUpdates
                {
                    public static void Apply(UpdateStudentCommand request, Student student)
                    {
                        if (!request.IsActive && student.IsActive)
                        {
                            student.Deactivate();
                        }
                        else if (request.IsActive && !student.IsActive)
                        {
                            student.Reactivate();
                        }
                    }

                    public static void Enroll(Student student)
                    {
                        if ([|!student.IsActive|]) throw new System.InvalidOperationException("The student is inactive.");
                    }
                }
            }
            """,
            [Policies]);
    }
}
