using Microsoft.CodeAnalysis.Testing;
using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// Measured on a warehouse application (docs/analyzer-evaluation.md, thirteenth round): states written as integer
/// constants of a class (<c>public const int Draft = 1;</c>) instead of an enum are states as an enum's members are.
/// A comparison with a state no policy names asks another question (another transition's precondition).
/// </summary>
public sealed class NumberedStateShapesTests
{
    private const string Domain = """
        namespace Warehouse
        {
            public static class OrderStatus
            {
                public const int Draft = 1;
                public const int PendingApproval = 2;
                public const int Rejected = 3;
                public const int Approved = 4;
            }

            public static class Defaults
            {
                public const int ReviewState = 2;
            }

            public sealed class PurchaseOrder
            {
                public int? Status { get; set; }
                public string Note { get; set; } = "";
            }
        }
        """;

    private const string Policies = """
        using PolicyAudit;
        using Warehouse;
        namespace Warehouse.Policies
        {
            [Policy("po-editable-states")]
            public sealed class EditableStates : Policy
            {
                public override void Define()
                {
                    PurchaseOrder order = null!;
                    When().Match(() => order, o => o.Status != OrderStatus.Draft && o.Status != OrderStatus.Rejected);
                    Then().Deny("Only a draft or rejected order may change.");
                }
            }
        }
        """;

    private static Task VerifyAsync(string markup, params DiagnosticResult[] expected) => VerifyCS.VerifyBesideAsync(markup, [Domain, Policies], expected);

    [Fact]
    public async Task Update_StatesThePolicyNames_IsReported()
    {
        await VerifyAsync("""
            using Warehouse;
            public static class Orders
            {
                public static void Update(PurchaseOrder order, string note)
                {
                    if ({|#0:order.Status != OrderStatus.Draft|} && {|#1:order.Status != OrderStatus.Rejected|})
                        throw new System.InvalidOperationException("Not editable.");
                    order.Note = note;
                }
            }
            """,
            VerifyCS.Expected(0, "order.Status != OrderStatus.Draft", "policy 'po-editable-states'"),
            VerifyCS.Expected(1, "order.Status != OrderStatus.Rejected", "policy 'po-editable-states'"));
    }

    [Fact]
    public async Task Approve_AnotherTransitionsState_IsNotReported()
    {
        await VerifyAsync("""
            using Warehouse;
            public static class Orders
            {
                public static void Approve(PurchaseOrder order)
                {
                    var current = order.Status;
                    if (current != OrderStatus.PendingApproval)
                        throw new System.InvalidOperationException("Not pending approval.");
                    order.Status = OrderStatus.Approved;
                }

                public static string Describe(PurchaseOrder order) => order.Status is OrderStatus.Approved ? "approved" : "open";
            }
            """);
    }

    [Fact]
    public async Task Update_StateOutsideTheAllowedRefused_IsReported()
    {
        await VerifyAsync("""
            using Warehouse;
            public static class Orders
            {
                public static void Update(PurchaseOrder order, string note)
                {
                    if ({|#0:order.Status == OrderStatus.Approved|})
                        throw new System.InvalidOperationException("Already approved.");
                    order.Note = note;
                }
            }
            """,
            VerifyCS.Expected(0, "order.Status == OrderStatus.Approved", "policy 'po-editable-states'"));
    }

    [Fact]
    public async Task Review_ConstantItsClassHoldsAlone_IsReported()
    {
        await VerifyAsync("""
            using Warehouse;
            public static class Orders
            {
                public static bool InReview(PurchaseOrder order) => {|#0:order.Status == Defaults.ReviewState|};
            }
            """,
            VerifyCS.Expected(0, "order.Status == Defaults.ReviewState", "policy 'po-editable-states'"));
    }
}
