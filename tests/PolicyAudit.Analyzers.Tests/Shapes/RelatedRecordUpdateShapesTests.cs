using Microsoft.CodeAnalysis.Testing;
using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// Measured on a property manager (docs/analyzer-evaluation.md, ninth round): a lease's state tested to carry it over to
/// the property the branch loads (<c>if (lease.Status == Active) { var property = Find(..); property.IsAvailable =
/// false; }</c>) is bookkeeping. A branch that writes the tested record, or that refuses, is the policy's check.
/// </summary>
public sealed class RelatedRecordUpdateShapesTests
{
    private const string Domain = """
        using System;
        using System.Collections.Generic;
        namespace Leasing
        {
            public enum LeaseStatus { Pending, Active, Ended }

            public sealed class Property
            {
                public int Id { get; set; }
                public bool IsAvailable { get; set; } = true;
            }

            public sealed class Lease
            {
                public int PropertyId { get; set; }
                public LeaseStatus Status { get; set; }
                public DateTime? EndedOn { get; set; }
            }
        }
        """;

    private const string Policies = """
        using PolicyAudit;
        using Leasing;
        namespace Leasing.Policies
        {
            [Policy("active-lease-locked")]
            public sealed class ActiveLeaseLocked : Policy
            {
                public override void Define()
                {
                    Lease lease = null!;
                    When().Match(() => lease, l => l.Status == LeaseStatus.Active);
                    Then().Deny("An active lease cannot be deleted.");
                }
            }
        }
        """;

    private static Task VerifyAsync(string markup, params DiagnosticResult[] expected) => VerifyCS.VerifyBesideAsync(markup, [Domain, Policies], expected);

    [Fact]
    public async Task StateCarriedOverToARecordTheBranchLoads_IsNotReported()
    {
        await VerifyAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using Leasing;
            public static class Leases
            {
                public static void Created(Lease lease, List<Property> properties)
                {
                    if (lease.Status == LeaseStatus.Active)
                    {
                        var property = properties.FirstOrDefault(p => p.Id == lease.PropertyId);
                        if (property != null)
                        {
                            property.IsAvailable = false;
                        }
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task BranchThatWritesTheTestedRecordOrRefuses_IsReported()
    {
        await VerifyAsync("""
            using System;
            using Leasing;
            public static class Leases
            {
                public static void End(Lease lease)
                {
                    if ({|#0:lease.Status == LeaseStatus.Active|})
                    {
                        lease.EndedOn = DateTime.UtcNow;
                    }
                }

                public static void Delete(Lease lease)
                {
                    if ({|#1:lease.Status == LeaseStatus.Active|})
                    {
                        throw new InvalidOperationException("Active leases stay.");
                    }
                }
            }
            """,
            VerifyCS.Expected(0, "lease.Status == LeaseStatus.Active", "policy 'active-lease-locked'"),
            VerifyCS.Expected(1, "lease.Status == LeaseStatus.Active", "policy 'active-lease-locked'"));
    }
}
