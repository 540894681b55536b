using Microsoft.CodeAnalysis.Testing;
using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// Measured on an event registration system (docs/analyzer-evaluation.md, twelfth round): the policy counts the seats
/// whose partner key is still empty and compares the count with a limit. The key's presence picks the items; code
/// sets, clears and tests such keys as bookkeeping everywhere.
/// </summary>
public sealed class ItemKeyPresenceShapesTests
{
    private const string Domain = """
        namespace Dancing
        {
            public sealed class Seat
            {
                public System.Guid? RegistrationId { get; set; }
                public System.Guid? RegistrationId_Follower { get; set; }
                public bool IsWaitingList { get; set; }
            }

            public sealed class Registrable
            {
                public System.Collections.Generic.List<Seat> Spots { get; } = new();
                public int? MaximumAllowedImbalance { get; set; }
            }
        }
        """;

    private const string Policies = """
        using System.Linq;
        using PolicyAudit;
        using Dancing;
        namespace Dancing.Policies
        {
            [Policy("role-imbalance")]
            public sealed class RoleImbalance : Policy
            {
                public override void Define()
                {
                    Registrable registrable = null!;
                    When().Match(() => registrable,
                                 r => r.Spots.Count(s => !s.IsWaitingList && (s.RegistrationId == null || s.RegistrationId_Follower == null)) >= r.MaximumAllowedImbalance);
                    Then().RequireApproval("Another single would unbalance leaders and followers.");
                }
            }
        }
        """;

    private static Task VerifyAsync(string markup, params DiagnosticResult[] expected) => VerifyCS.VerifyBesideAsync(markup, [Domain, Policies], expected);

    [Fact]
    public async Task Seat_KeyTestedWhileFillingTheSeat_IsNotReported()
    {
        await VerifyAsync("""
            using Dancing;
            public static class Seating
            {
                public static void Take(Seat seat, System.Guid registrationId, bool leader)
                {
                    if (leader && seat.RegistrationId == null)
                        seat.RegistrationId = registrationId;
                    else if (!seat.RegistrationId_Follower.HasValue)
                        seat.RegistrationId_Follower = registrationId;
                }

                public static bool IsPartnerOf(Seat seat, System.Guid registrationId) => seat.RegistrationId_Follower == registrationId;
            }
            """);
    }

    [Fact]
    public async Task Accept_SinglesCountedAgainstTheLimit_IsReported()
    {
        await VerifyAsync("""
            using System.Linq;
            using Dancing;
            public static class Acceptance
            {
                public static bool CanAcceptSingle(Registrable registrable) =>
                    {|#0:registrable.Spots.Count(s => s.RegistrationId_Follower == null) < registrable.MaximumAllowedImbalance|};
            }
            """,
            VerifyCS.Expected(0, "registrable.Spots.Count(s => s.RegistrationId_Follower == null) < registrable.MaximumAllowedImbalance", "policy 'role-imbalance'"));
    }
}
