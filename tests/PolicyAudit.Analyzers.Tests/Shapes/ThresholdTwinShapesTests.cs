using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// Measured held out on a fitness club's contracts (docs/analyzer-evaluation.md): the policy orders
/// <c>PrepareContractCommand.CustomerAge</c> against 18, and the check is a business-rule object's <c>_age &gt;= 18</c>,
/// filled from a parameter that the application passes the member to in another project, where no tracing reaches. A
/// value named after the member and ordered against the policy's own number is the policy's check; another name, another
/// number, or a guard's 0 and 1 are not.
/// </summary>
public sealed class ThresholdTwinShapesTests
{
    private const string Domain = """
        namespace Contracts
        {
            public sealed class PrepareContract
            {
                public int CustomerAge { get; set; }
                public int CustomerHeight { get; set; }
                public int Visits { get; set; }
            }
        }
        """;

    private const string Policies = """
        using PolicyAudit;
        using Contracts;

        namespace Contracts.Policies
        {
            [Policy("adults-only")]
            public sealed class AdultsOnly : Policy
            {
                public override void Define()
                {
                    PrepareContract command = null!;
                    When().Match(() => command, c => c.CustomerAge < 18);
                    Then().Deny("Contracts are for adults.");
                }
            }

            [Policy("max-height")]
            public sealed class MaxHeight : Policy
            {
                public override void Define()
                {
                    PrepareContract command = null!;
                    When().Match(() => command, c => c.CustomerHeight > 210);
                    Then().Deny("The machines are not safe above 210 cm.");
                }
            }

            [Policy("first-visit")]
            public sealed class FirstVisit : Policy
            {
                public override void Define()
                {
                    PrepareContract command = null!;
                    When().Match(() => command, c => c.Visits < 1);
                    Then().RequireApproval("A first visit needs a tour.");
                }
            }
        }
        """;

    [Fact]
    public async Task Comparison_ValueNamedAfterMemberAgainstPolicysNumber_IsReported()
    {
        await VerifyCS.VerifyBesideAsync("""
            public sealed class AdultRule
            {
                private readonly int _age;
                public AdultRule(int age) => _age = age;
                public bool IsMet() => {|#0:_age >= 18|};
            }

            public sealed class HeightRule
            {
                private const int MaximumHeight = 210;
                public static bool IsMet(int customerHeight) => {|#1:customerHeight <= MaximumHeight|};
            }
            """,
            [Domain, Policies],
            VerifyCS.Expected(0, "_age >= 18", "policy 'adults-only'"),
            VerifyCS.Expected(1, "customerHeight <= MaximumHeight", "policy 'max-height'"));
    }

    [Fact]
    public async Task Comparison_AnyValueAgainstALimitNamedAfterTheMember_IsReported()
    {
        await VerifyCS.VerifyBesideAsync("""
            public static class Limits
            {
                public const int MaxCustomerHeight = 210;
                public const int MaxWallHeight = 210;
            }

            public static class Scanner
            {
                public static bool Admit(System.Func<int> measure)
                {
                    var measured = measure();
                    return {|#0:measured <= Limits.MaxCustomerHeight|};
                }

                public static bool Climbable(System.Func<int> measure)
                {
                    var measured = measure();
                    return measured <= Limits.MaxWallHeight;
                }

                public static bool Admit(int measured) => measured <= 210;
            }
            """,
            [Domain, Policies],
            VerifyCS.Expected(0, "measured <= Limits.MaxCustomerHeight", "policy 'max-height'"));
    }

    [Fact]
    public async Task Comparison_OtherNameOtherNumberOrGuardNumber_IsNotReported()
    {
        await VerifyCS.VerifyBesideAsync("""
            public static class Rules
            {
                public static bool Retired(int age) => age >= 67;
                public static bool Many(int retries) => retries >= 18;
                public static bool TallWall(int wallHeight) => wallHeight > 210;
                public static bool Returning(int visits) => visits >= 1;
            }
            """,
            [Domain, Policies]);
    }
}
