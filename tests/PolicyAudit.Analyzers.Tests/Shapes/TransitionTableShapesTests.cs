using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// Measured on a vehicle-rental system (docs/analyzer-evaluation.md, fifteenth round): its status changes go through
/// a table of the moves each state allows (<c>current switch { Available =&gt; next is Reserved or Rented, .., _ =&gt; false }</c>).
/// The arms pick the row; the move is the question, so no arm is a policy's check. A switch whose arms answer
/// something else than another state's test is still reported.
/// </summary>
public sealed class TransitionTableShapesTests
{
    private const string Policies = """
        using PolicyAudit;
        using Fleet;
        namespace Fleet.Policies
        {
            [Policy("vehicle-not-available")]
            public sealed class VehicleNotAvailable : Policy
            {
                public override void Define()
                {
                    Vehicle vehicle = null!;
                    When().Match(() => vehicle, v => v.Status != VehicleStatus.Available);
                    Then().Deny("The vehicle is not available.");
                }
            }
        }
        """;

    [Fact]
    public async Task TableOfMovesOverTheGovernedState_IsNotReportedWhileAnotherSwitchIs()
    {
        await VerifyCS.VerifyBesideAsync("""
            using System;
            namespace Fleet
            {
                public enum VehicleStatus { Available, Reserved, Rented, Maintenance }

                public sealed class Vehicle
                {
                    public VehicleStatus Status { get; set; }
                }

                public static class Moves
                {
                    public static void Change(Vehicle vehicle, VehicleStatus next)
                    {
                        var current = vehicle.Status;
                        bool valid = current switch
                        {
                            VehicleStatus.Available => next is VehicleStatus.Reserved or VehicleStatus.Rented,
                            VehicleStatus.Reserved => next is VehicleStatus.Rented or VehicleStatus.Available,
                            VehicleStatus.Rented => next is VehicleStatus.Available or VehicleStatus.Maintenance,
                            _ => false,
                        };

                        if (!valid)
                            throw new InvalidOperationException("Invalid move.");

                        vehicle.Status = next;
                    }

                    public static decimal Deposit(Vehicle vehicle) => vehicle.Status switch
                    {
                        [|VehicleStatus.Available|] => 100m,
                        VehicleStatus.Reserved => 50m,
                        _ => 0m,
                    };
                }
            }
            """,
            [Policies]);
    }

    [Fact]
    public async Task TableOfMovesOverTheStatePair_IsNotReportedWhileAPairSwitchGivingAmountsIs()
    {
        // A billing webhook: `(current, next) switch { (Free, Active) => true, .., _ => false }` answers whether a move is allowed.
        await VerifyCS.VerifyBesideAsync("""
            namespace Fleet
            {
                public enum VehicleStatus { Available, Reserved, Rented, Maintenance }

                public sealed class Vehicle
                {
                    public VehicleStatus Status { get; set; }
                }

                public static class Moves
                {
                    public static bool IsAllowed(Vehicle vehicle, VehicleStatus next) => (vehicle.Status, next) switch
                    {
                        (VehicleStatus.Available, VehicleStatus.Reserved) => true,
                        (VehicleStatus.Reserved, VehicleStatus.Rented) => true,
                        (VehicleStatus.Rented, VehicleStatus.Available) => true,
                        (var from, var to) when from == to => true,
                        _ => false,
                    };

                    public static decimal Fee(Vehicle vehicle, VehicleStatus next) => (vehicle.Status, next) switch
                    {
                        [|(VehicleStatus.Available, VehicleStatus.Reserved)|] => 10m,
                        (VehicleStatus.Reserved, VehicleStatus.Rented) => 20m,
                        (VehicleStatus.Rented, VehicleStatus.Available) => 0m,
                        _ => 5m,
                    };
                }
            }
            """,
            [Policies]);
    }
}
