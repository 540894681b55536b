using Microsoft.CodeAnalysis.Testing;
using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// Measured on a reward-points system and a vehicle-rental system (docs/analyzer-evaluation.md, fifteenth round): a
/// policy that denies once points were awarded (<c>p =&gt; p.PointsAwarded.HasValue</c>) asks whether the value is there,
/// as <c>!= null</c> does, though another policy sums the member in an aggregate; the code's <c>HasValue</c> guards are its
/// checks. A guard that refuses exactly what the policy lets through (<c>if (!PointsAwarded.HasValue) throw ..("No
/// points to revoke")</c>, <c>if (Status != Retired) throw ..("Only retired vehicles can be restored")</c>) is another
/// action's precondition.
/// </summary>
public sealed class PresencePolicyShapesTests
{
    private const string Domain = """
        using PolicyAudit;
        namespace Rewards
        {
            public enum VehicleStatus { Available, Rented, Retired }

            public sealed class Participant
            {
                [GovernedBy("points-pool")]
                public int? PointsAwarded { get; set; }
            }

            public sealed class Vehicle
            {
                public VehicleStatus Status { get; set; }
            }

            public sealed class Pool
            {
                public int Remaining { get; set; }
            }
        }
        """;

    private const string Policies = """
        using PolicyAudit;
        using Rewards;
        namespace Rewards.Policies
        {
            [Policy("points-awarded-once")]
            public sealed class PointsAwardedOnce : Policy
            {
                public override void Define()
                {
                    Participant participant = null!;
                    When().Match(() => participant, p => p.PointsAwarded.HasValue);
                    Then().Deny("Points were awarded already.");
                }
            }

            [Policy("points-pool")]
            public sealed class PointsPool : Policy
            {
                public override void Define()
                {
                    Pool pool = null!;
                    When().Match(() => pool, p => p.Remaining < 0);
                    Then().Deny("The event's points are spent.");
                }
            }

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
        }
        """;

    private static Task VerifyAsync(string markup, params DiagnosticResult[] expected) => VerifyCS.VerifyBesideAsync(markup, [Domain, Policies], expected);

    [Fact]
    public async Task PresenceThePolicyDeniesOn_IsReported()
    {
        await VerifyAsync("""
            using System;
            using Rewards;
            public static class Awards
            {
                public static void Award(Participant participant, int points)
                {
                    if ({|#0:participant.PointsAwarded.HasValue|})
                        throw new InvalidOperationException("Points were awarded to this participant already.");

                    participant.PointsAwarded = points;
                }

                public static void Repaint(Vehicle vehicle)
                {
                    if ({|#1:vehicle.Status == VehicleStatus.Retired|})
                        throw new InvalidOperationException("Retired vehicles cannot be changed.");
                }
            }
            """,
            VerifyCS.Expected(0, "participant.PointsAwarded.HasValue", "policy 'points-awarded-once'"),
            VerifyCS.Expected(1, "vehicle.Status == VehicleStatus.Retired", "policy 'retired-vehicle-locked'"));
    }

    [Fact]
    public async Task GuardRefusingWhatThePolicyLetsThrough_IsNotReported()
    {
        await VerifyAsync("""
            using System;
            using Rewards;
            public static class Corrections
            {
                public static void Revoke(Participant participant)
                {
                    if (!participant.PointsAwarded.HasValue)
                        throw new InvalidOperationException("No points have been awarded to revoke.");

                    participant.PointsAwarded = null;
                }

                public static void Restore(Vehicle vehicle)
                {
                    if (vehicle.Status != VehicleStatus.Retired)
                        throw new InvalidOperationException("Only retired vehicles can be restored.");

                    vehicle.Status = VehicleStatus.Available;
                }
            }
            """);
    }
}
