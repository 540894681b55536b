using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// Measured on Duplicati (docs/analyzer-evaluation.md): a schedule's allowed days reach the check through two helpers,
/// <c>GetNextValidTime(.., schedule.AllowedDays)</c> and then <c>IsDateAllowed(.., allowedDays)</c>. A parameter passed on
/// unchanged carries the governed member into the next helper, a few calls deep; one computed from it does not.
/// </summary>
public sealed class HelperParameterShapesTests
{
    private const string Schedule = """
        using System;
        using System.Linq;
        using PolicyAudit;
        public sealed class Schedule
        {
            [GovernedBy("allowed-days", Conditions = "==in")] public DayOfWeek[] AllowedDays { get; set; } = [];
            public int Repeat { get; set; }
        }

        """;

    [Fact]
    public async Task GovernedValue_ForwardedThroughTwoHelpers_IsReportedWhereItIsChecked()
    {
        await VerifyCS.VerifyAnalyzerAsync(Schedule + """
            public static class Scheduler
            {
                public static DateTime Next(Schedule schedule, DateTime from) => NextValid(from, schedule.AllowedDays);

                private static DateTime NextValid(DateTime date, DayOfWeek[] allowedDays)
                {
                    while (!IsAllowed(date, allowedDays))
                    {
                        date = date.AddDays(1);
                    }

                    return date;
                }

                private static bool IsAllowed(DateTime date, DayOfWeek[] days) => [|days.Contains(date.DayOfWeek)|];

                private static bool HasDays(DayOfWeek[] days) => days.Length > 3;

                public static bool Busy(Schedule schedule) => HasDays(schedule.AllowedDays.Length > 0 ? [] : schedule.AllowedDays);
            }
            """);
    }

    [Fact]
    public async Task StateParameterOfAServiceHelper_IsReportedAsTheServicesCheck()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using PolicyAudit;
            public enum VehicleStatus { Available, Reserved, Rented, Retired }
            public sealed class Vehicle
            {
                [GovernedBy("retired-vehicle-locked", Conditions = "==3")] public VehicleStatus Status { get; set; }

                public void Park(VehicleStatus next) => Guard(Status, next);

                private static void Guard(VehicleStatus current, VehicleStatus next)
                {
                    if (current == VehicleStatus.Retired)
                        throw new InvalidOperationException("An entity's own transition guard.");
                }
            }

            public sealed class VehicleService
            {
                public void UpdateStatus(Vehicle vehicle, VehicleStatus newStatus)
                {
                    EnsureValidStatusTransition(vehicle.Status, newStatus);
                    vehicle.Status = newStatus;
                }

                private static void EnsureValidStatusTransition(VehicleStatus current, VehicleStatus next)
                {
                    if ([|current == VehicleStatus.Retired|])
                        throw new InvalidOperationException("Retired vehicle cannot change status.");
                }
            }
            """);
    }
}
