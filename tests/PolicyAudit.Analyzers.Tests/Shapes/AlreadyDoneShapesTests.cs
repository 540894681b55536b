using Microsoft.CodeAnalysis.Testing;
using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// Measured on a vehicle-rental system, a gym's bookings and an event platform (docs/analyzer-evaluation.md,
/// fifteenth round): <c>ApproveDamageReport</c> refusing a report that is already approved, <c>RetireVehicle</c> returning
/// when the vehicle is retired, a <c>PublishEventCommandHandler</c> refusing a published event. A test of the very state
/// the method's verb produces asks whether the work is done already, though a policy denies that state elsewhere. The
/// same test in another method, a verb that takes what another party then holds (book), and a state outside the set a
/// policy allows for that action stay reported.
/// </summary>
public sealed class AlreadyDoneShapesTests
{
    private const string Domain = """
        namespace Fleet
        {
            public enum VehicleStatus { Available, Rented, Retired }

            public enum SeatStatus { Free, Booked }

            public enum RegistrationStatus { Pending, Waitlisted, Confirmed, Cancelled }

            public sealed class Vehicle
            {
                public int Id { get; set; }
                public VehicleStatus Status { get; set; }
            }

            public sealed class DamageReport
            {
                public bool Approved { get; set; }
            }

            public sealed class Seat
            {
                public SeatStatus Status { get; set; }
            }

            public sealed class Event
            {
                public bool IsPublished { get; set; }
            }

            public sealed class Registration
            {
                public RegistrationStatus Status { get; set; }
            }
        }
        """;

    private const string Policies = """
        using PolicyAudit;
        using Fleet;
        namespace Fleet.Policies
        {
            [Policy("retired-vehicle-locked")]
            public sealed class RetiredVehicleLocked : Policy
            {
                public override void Define()
                {
                    Vehicle vehicle = null!;
                    When().Match(() => vehicle, v => v.Status == VehicleStatus.Retired);
                    Then().Deny("Retired vehicles cannot be changed.");
                }
            }

            [Policy("approved-report-locked")]
            public sealed class ApprovedReportLocked : Policy
            {
                public override void Define()
                {
                    DamageReport report = null!;
                    When().Match(() => report, r => r.Approved);
                    Then().Deny("An approved report cannot be changed.");
                }
            }

            [Policy("seat-taken")]
            public sealed class SeatTaken : Policy
            {
                public override void Define()
                {
                    Seat seat = null!;
                    When().Match(() => seat, s => s.Status == SeatStatus.Booked);
                    Then().Deny("The seat is taken.");
                }
            }

            [Policy("registration-needs-published-event")]
            public sealed class RegistrationNeedsPublishedEvent : Policy
            {
                public override void Define()
                {
                    Event e = null!;
                    When().Match(() => e, x => !x.IsPublished);
                    Then().Deny("The event is not open yet.");
                }
            }

            [Policy("confirm-pending-or-waitlisted")]
            public sealed class ConfirmPendingOrWaitlisted : Policy
            {
                public override void Define()
                {
                    Registration registration = null!;
                    When().Match(() => registration, r => r.Status != RegistrationStatus.Pending && r.Status != RegistrationStatus.Waitlisted);
                    Then().Deny("Only pending or waitlisted registrations are confirmed.");
                }
            }
        }
        """;

    private static Task VerifyAsync(string markup, params DiagnosticResult[] expected) => VerifyCS.VerifyBesideAsync(markup, [Domain, Policies], expected);

    [Fact]
    public async Task StateTheMethodsVerbProduces_IsNotReported()
    {
        await VerifyAsync("""
            using System;
            using Fleet;
            public sealed class FleetService
            {
                public void RetireVehicle(Vehicle vehicle)
                {
                    if (vehicle.Status == VehicleStatus.Retired)
                        return;

                    vehicle.Status = VehicleStatus.Retired;
                }

                public void ApproveDamageReport(DamageReport report)
                {
                    if (report.Approved)
                        throw new InvalidOperationException("Damage report is already approved.");

                    Approve(report);
                }

                private static void Approve(DamageReport report) => report.Approved = true;
            }

            public sealed class PublishEventCommandHandler
            {
                public string Handle(Event e) => e.IsPublished ? "Event is already published" : "ok";
            }

            public sealed class UnpublishEventCommandHandler
            {
                public string Handle(Event e)
                {
                    if (!e.IsPublished)
                    {
                        return "Event is already unpublished";
                    }

                    return "ok";
                }
            }
            """);
    }

    [Fact]
    public async Task StateTheMethodsVerbProducesRefusedWithAnErrorNamedAlready_IsNotReportedWhileAnotherErrorIs()
    {
        // A recruiting platform's entities: `Result.Failure(VehicleErrors.AlreadyRetired)` and `throw new
        // ReportAlreadyApprovedException()` say "already" through the error's name instead of a message.
        await VerifyAsync("""
            using System;
            using Fleet;
            public sealed class Error { }

            public static class VehicleErrors
            {
                public static readonly Error AlreadyRetired = new();
                public static readonly Error Retired = new();
            }

            public sealed class ReportAlreadyApprovedException : Exception { }

            public sealed class Result
            {
                public static Result Failure(Error error) => new();
                public static Result Success() => new();
            }

            public sealed class FleetService
            {
                public Result RetireVehicle(Vehicle vehicle)
                {
                    if (vehicle.Status == VehicleStatus.Retired)
                        return Result.Failure(VehicleErrors.AlreadyRetired);

                    vehicle.Status = VehicleStatus.Retired;
                    return Result.Success();
                }

                public void ApproveDamageReport(DamageReport report)
                {
                    if (report.Approved)
                        throw new ReportAlreadyApprovedException();

                    report.Approved = true;
                }

                public Result RetireVehicleAgain(Vehicle vehicle)
                {
                    if ([|vehicle.Status == VehicleStatus.Retired|])
                        return Result.Failure(VehicleErrors.Retired);

                    vehicle.Status = VehicleStatus.Retired;
                    return Result.Success();
                }
            }
            """);
    }

    [Fact]
    public async Task SameTestInAnotherActionOrATakingVerb_IsReported()
    {
        await VerifyAsync("""
            using System;
            using Fleet;
            public sealed class FleetService
            {
                public void RenameVehicle(Vehicle vehicle)
                {
                    if ({|#0:vehicle.Status == VehicleStatus.Retired|})
                        throw new InvalidOperationException("Retired vehicles cannot be modified.");
                }

                public void DeleteDamageReport(DamageReport report)
                {
                    if ({|#1:report.Approved|})
                        throw new InvalidOperationException("Approved reports cannot be deleted.");
                }

                public void BookSeat(Seat seat)
                {
                    if ({|#2:seat.Status == SeatStatus.Booked|})
                        throw new InvalidOperationException("Seat already booked.");

                    seat.Status = SeatStatus.Booked;
                }
            }

            public sealed class ConfirmRegistrationCommandHandler
            {
                public string Handle(Registration registration)
                {
                    if ({|#3:registration.Status == RegistrationStatus.Confirmed|})
                    {
                        return "Registration is already confirmed";
                    }

                    return "ok";
                }
            }
            """,
            VerifyCS.Expected(0, "vehicle.Status == VehicleStatus.Retired", "policy 'retired-vehicle-locked'"),
            VerifyCS.Expected(1, "report.Approved", "policy 'approved-report-locked'"),
            VerifyCS.Expected(2, "seat.Status == SeatStatus.Booked", "policy 'seat-taken'"),
            VerifyCS.Expected(3, "registration.Status == RegistrationStatus.Confirmed", "policy 'confirm-pending-or-waitlisted'"));
    }
}
