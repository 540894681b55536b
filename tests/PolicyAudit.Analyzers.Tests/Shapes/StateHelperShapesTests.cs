using Microsoft.CodeAnalysis.Testing;
using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// Measured on a team-collaboration app and a university system (docs/analyzer-evaluation.md, fourteenth round): a
/// state's rules live in extension methods of its enum (<c>Status.AllowsMemberAddition()</c>), whose receiver carries the
/// governed member into the helper's body, where the check is written; a static predicate over the state's enum
/// decides for the one governed member holding that state, even with no caller in sight. Helpers that only name a state (a text for each)
/// or compute a number a policy compares (a grade's points) are not checks.
/// </summary>
public sealed class StateHelperShapesTests
{
    private const string Domain = """
        namespace Teams
        {
            public enum TeamStatus { Active, Inactive, Archived }

            public enum Grade { A, B, C, F }

            public sealed class Team
            {
                public TeamStatus Status { get; set; }
            }

            public sealed class Result
            {
                public Grade Grade { get; set; }
                public double Minimum { get; set; }
            }
        }
        """;

    private const string Policies = """
        using PolicyAudit;
        using Teams;
        namespace Teams.Policies
        {
            [Policy("active-teams-grow")]
            public sealed class ActiveTeamsGrow : Policy
            {
                public override void Define()
                {
                    Team team = null!;
                    When().Match(() => team, t => t.Status != TeamStatus.Active);
                    Then().Deny("Only an active team takes new members.");
                }
            }

            [Policy("minimum-grade")]
            public sealed class MinimumGrade : Policy
            {
                public override void Define()
                {
                    Result result = null!;
                    When().Match(() => result, r => r.Grade.Points() < r.Minimum);
                    Then().Deny("The grade is below the minimum.");
                }
            }
        }
        """;

    private const string GradeScale = """
        namespace Teams
        {
            public static class GradeScale
            {
                public static double Points(this Grade grade) => grade switch
                {
                    Grade.A => 4.0,
                    Grade.B => 3.0,
                    Grade.C => 2.0,
                    _ => 0.0,
                };

                public static double Total(Result result) => result.Grade.Points();
            }
        }
        """;

    private static Task VerifyAsync(string markup, params DiagnosticResult[] expected) =>
        VerifyCS.VerifyBesideAsync(markup, [Domain, Policies, GradeScale], expected);

    [Fact]
    public async Task AllowsMemberAddition_ExtensionCalledOnTheGovernedState_IsReportedInTheHelper()
    {
        await VerifyAsync("""
            using Teams;
            public static class TeamStatusRules
            {
                public static bool AllowsMemberAddition(this TeamStatus status) => status switch
                {
                    {|#0:TeamStatus.Active|} => true,
                    TeamStatus.Inactive => false,
                    _ => false,
                };

                public static bool CanAdd(Team team) => team.Status.AllowsMemberAddition();
            }
            """,
            VerifyCS.Expected(0, "status is TeamStatus.Active", "policy 'active-teams-grow'"));
    }

    [Fact]
    public async Task IsClosed_StaticPredicateOverTheGovernedStatesEnum_IsReportedWithoutACaller()
    {
        await VerifyAsync("""
            using Teams;
            public static class TeamRules
            {
                public static bool IsClosed(TeamStatus status) => {|#0:status != TeamStatus.Active|};

                public static string Describe(TeamStatus status) => status != TeamStatus.Active ? "closed" : "open";
            }

            public sealed class Roster
            {
                public bool Lists(TeamStatus status) => status != TeamStatus.Active;
            }
            """,
            VerifyCS.Expected(0, "status != TeamStatus.Active", "policy 'active-teams-grow'"));
    }

    [Fact]
    public async Task ToLabel_SwitchStatementGivingEachStateItsText_IsNotReported()
    {
        await VerifyAsync("""
            using Teams;
            public static class TeamStatusText
            {
                public static string ToLabel(this TeamStatus status)
                {
                    switch (status)
                    {
                        case TeamStatus.Active:
                            return "active";
                        case TeamStatus.Inactive:
                            return "inactive";
                        case TeamStatus.Archived:
                            return "archived";
                        default:
                            throw new System.ArgumentOutOfRangeException(nameof(status), status, null);
                    }
                }

                public static string Label(Team team) => team.Status.ToLabel();
            }
            """);
    }

    [Fact]
    public async Task Join_SwitchStatementWordingTwoStatesAlike_IsReported()
    {
        await VerifyAsync("""
            using Teams;
            public static class TeamStatusText
            {
                public static string Join(this TeamStatus status)
                {
                    switch (status)
                    {
                        case {|#0:TeamStatus.Active|}:
                            return "welcome";
                        case TeamStatus.Inactive:
                            return "welcome back";
                        case TeamStatus.Archived:
                            return "welcome back";
                        default:
                            throw new System.ArgumentOutOfRangeException(nameof(status), status, null);
                    }
                }

                public static string Greet(Team team) => team.Status.Join();
            }
            """,
            VerifyCS.Expected(0, "status is TeamStatus.Active", "policy 'active-teams-grow'"));
    }

    [Fact]
    public async Task Points_BodyOfTheNumberThePolicyCompares_IsNotReported()
    {
        await VerifyCS.VerifyBesideAsync(GradeScale, [Domain, Policies]);
    }
}
