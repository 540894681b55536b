using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// Measured on a campus canteen and a payroll SaaS (docs/analyzer-evaluation.md, eighth round): the policy matches the
/// actor's <c>Role</c> (<c>u =&gt; u.Role != "Staff" &amp;&amp; u.Role != "Admin"</c>), and the code reads the role from a claim
/// into a local named after it (<c>var userRole = user.FindFirst(ClaimTypes.Role)?.Value; if (userRole != "Staff" ..)</c>).
/// A local so named, matched to a state the policy names, is its check; a parameter or a request's value (the state a
/// caller chose), another name and another state are not.
/// </summary>
public sealed class StateTwinShapesTests
{
    private const string Domain = """
        namespace Canteen
        {
            public enum OrderStatus { Pending, Paid, Cancelled }

            public sealed class User
            {
                public string Role { get; set; } = "";
            }

            public sealed class Order
            {
                public OrderStatus Status { get; set; }
            }
        }
        """;

    private const string Policies = """
        using PolicyAudit;
        using Canteen;

        namespace Canteen.Policies
        {
            [Policy("staff-only")]
            public sealed class StaffOnly : Policy
            {
                public override void Define()
                {
                    User actor = null!;
                    When().Match(() => actor, u => u.Role != "Staff" && u.Role != "Admin");
                    Then().Deny("Only canteen staff may do this.");
                }
            }

            [Policy("no-refund-after-cancel")]
            public sealed class NoRefundAfterCancel : Policy
            {
                public override void Define()
                {
                    Order order = null!;
                    When().Match(() => order, o => o.Status == OrderStatus.Cancelled);
                    Then().Deny("A cancelled order is not refunded.");
                }
            }
        }
        """;

    [Fact]
    public async Task LocalNamedAfterTheStateReadFromAClaim_IsReported()
    {
        await VerifyCS.VerifyBesideAsync("""
            using System.Security.Claims;
            public static class Endpoints
            {
                public static string Refund(ClaimsPrincipal user)
                {
                    var userRole = user.FindFirst(ClaimTypes.Role)?.Value;
                    if ([|userRole != "Staff"|] && [|userRole != "Admin"|]) return "forbidden";
                    return "refunded";
                }
            }
            """,
            [Domain, Policies]);
    }

    [Fact]
    public async Task ParameterRequestValueOtherNameOrOtherState_IsNotReported()
    {
        await VerifyCS.VerifyBesideAsync("""
            using System.Security.Claims;
            using Canteen;
            public sealed record ChangeStatus(OrderStatus? Status);

            public static class Endpoints
            {
                public static string Allowed(OrderStatus status) => status == OrderStatus.Cancelled ? "cancel" : "keep";

                public static bool Requested(ChangeStatus request)
                {
                    var newStatus = request.Status ?? OrderStatus.Pending;
                    return newStatus == OrderStatus.Cancelled;
                }

                public static string Greet(ClaimsPrincipal user)
                {
                    var kind = user.FindFirst("kind")?.Value;
                    var userRole = user.FindFirst(ClaimTypes.Role)?.Value;
                    if (kind == "Staff") return "hello colleague";
                    return userRole == "Guest" ? "welcome" : "hello";
                }
            }
            """,
            [Domain, Policies]);
    }
}
