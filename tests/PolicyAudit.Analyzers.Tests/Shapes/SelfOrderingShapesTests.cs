using Microsoft.CodeAnalysis.Testing;
using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// Measured on Librum-Server and MODiX (docs/analyzer-evaluation.md, fifth round): a policy that orders a member
/// against the same member of another fact (a downgrade: <c>current.StorageLimit &gt; next.StorageLimit</c>; a rank
/// above another). The code's ordering of two values of that member is the policy's check, not a change detection;
/// where no policy orders the member against itself, comparing two versions of it stays silent. The same holds for a
/// policy equating a member with itself on two facts (a manager's own department, measured on an HR app, fourteenth round).
/// </summary>
public sealed class SelfOrderingShapesTests
{
    private const string Domain = """
        namespace Library
        {
            public sealed class Product
            {
                public long StorageLimit { get; set; }
                public decimal Price { get; set; }
            }

            public sealed class Employee
            {
                public string Id { get; set; } = "";
                public int DepartmentId { get; set; }
                public int TeamId { get; set; }
            }

            public sealed class Change
            {
                public Employee Caller { get; set; } = new();
                public Employee Target { get; set; } = new();
            }
        }
        """;

    private const string Policies = """
        using PolicyAudit;
        using Library;
        namespace Library.Policies
        {
            [Policy("tier-downgrade")]
            public sealed class TierDowngrade : Policy
            {
                public override void Define()
                {
                    Product current = null!;
                    Product next = null!;
                    When().Match(() => current).Match(() => next, n => current.StorageLimit > n.StorageLimit);
                    Then().RequireApproval("A downgrade deletes books beyond the new limit.");
                }
            }

            [Policy("own-department")]
            public sealed class OwnDepartment : Policy
            {
                public override void Define()
                {
                    Change change = null!;
                    When().Match(() => change, c => c.Target.DepartmentId != c.Caller.DepartmentId);
                    Then().Deny("Managers change employees of their own department only.");
                }
            }

            [Policy("free-tier")]
            public sealed class FreeTier : Policy
            {
                public override void Define()
                {
                    Product product = null!;
                    When().Match(() => product, p => p.Price == 0);
                    Then().Allow("Free products need no payment.");
                }
            }
        }
        """;

    [Fact]
    public async Task OrderingOfAMemberAgainstItselfWhereThePolicyDoesSo_IsReported()
    {
        await VerifyCS.VerifyBesideAsync("""
            using Library;
            public static class Subscriptions
            {
                public static bool IsDowngrade(Product currentProduct, Product newProduct) =>
                    {|#0:currentProduct.StorageLimit > newProduct.StorageLimit|};

                public static bool PriceChanged(Product product, Product model) => product.Price != model.Price;

                public static bool Cheaper(Product product, Product model) => product.Price < model.Price;
            }
            """,
            [Domain, Policies],
            VerifyCS.Expected(0, "currentProduct.StorageLimit > newProduct.StorageLimit", "policy 'tier-downgrade'"));
    }

    [Fact]
    public async Task EqualityOfAMemberWithItselfWhereThePolicyEquatesThem_IsReported()
    {
        await VerifyCS.VerifyBesideAsync("""
            using Library;
            public static class Salaries
            {
                public static string Raise(Employee caller, Employee employee)
                {
                    if ({|#0:employee.DepartmentId != caller.DepartmentId|})
                        return "forbidden";
                    return "raised";
                }

                public static bool SameTeam(Employee caller, Employee employee) => employee.TeamId == caller.TeamId;
            }
            """,
            [Domain, Policies],
            VerifyCS.Expected(0, "employee.DepartmentId != caller.DepartmentId", "policy 'own-department'"));
    }
}
