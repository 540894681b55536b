using Microsoft.CodeAnalysis.Testing;
using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// Measured on a staffing tool (docs/analyzer-evaluation.md, eleventh round): a policy tests a nullable member for
/// null only to read it (<c>e.DateOfJoining != null &amp;&amp; ..e.DateOfJoining.Value..</c>); the code's own null guards of
/// that member are guards, not the policy's test. A policy whose whole question is presence keeps it.
/// </summary>
public sealed class NullGuardedReadShapesTests
{
    private const string Domain = """
        namespace Staffing
        {
            public sealed class Employee
            {
                public System.DateTime? JoinedOn { get; set; }
                public System.DateTime? ContractSignedOn { get; set; }
            }

            public sealed class LeaveRequest
            {
                public int Days { get; set; }
            }
        }
        """;

    private const string Policies = """
        using System;
        using PolicyAudit;
        using Staffing;
        namespace Staffing.Policies
        {
            [Policy("leave-entitlement")]
            public sealed class LeaveEntitlement : Policy
            {
                public override void Define()
                {
                    Employee employee = null!;
                    LeaveRequest request = null!;
                    When().Match(() => employee, e => e.JoinedOn != null)
                          .Match(() => request, r => r.Days > (employee.JoinedOn.Value.AddYears(1) <= DateTime.Today ? 25 : 15));
                    Then().RequireApproval(() => "More days than the yearly entitlement.");
                }
            }

            [Policy("signed-contract")]
            public sealed class SignedContract : Policy
            {
                public override void Define()
                {
                    Employee employee = null!;
                    When().Match(() => employee, e => e.ContractSignedOn == null);
                    Then().Deny("No signed contract.");
                }
            }
        }
        """;

    private static Task VerifyAsync(string markup, params DiagnosticResult[] expected) => VerifyCS.VerifyBesideAsync(markup, [Domain, Policies], expected);

    [Fact]
    public async Task Entitlement_NullGuardOfTheMemberThePolicyReads_IsNotReported()
    {
        await VerifyAsync("""
            using System;
            using Staffing;
            public static class Leave
            {
                public static bool CanRequest(Employee? employee)
                {
                    if (employee == null || employee.JoinedOn == null)
                        return false;

                    return employee.JoinedOn is not null;
                }
            }
            """);
    }

    [Fact]
    public async Task Assign_PresenceIsThePolicysWholeQuestion_IsReported()
    {
        await VerifyAsync("""
            using Staffing;
            public static class Rota
            {
                public static void Assign(Employee employee)
                {
                    if ({|#0:employee.ContractSignedOn == null|})
                        throw new System.InvalidOperationException("No signed contract.");
                }
            }
            """,
            VerifyCS.Expected(0, "employee.ContractSignedOn == null", "policy 'signed-contract'"));
    }
}
