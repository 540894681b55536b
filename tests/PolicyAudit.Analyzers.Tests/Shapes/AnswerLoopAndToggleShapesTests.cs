using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// Measured held out on a parcel-delivery system, a conference's ticket sales and a feature-flag server
/// (docs/analyzer-evaluation.md): an entity's property that answers the policy's question about a governed member
/// (<c>public bool HasParcels =&gt; Parcels.Any();</c>) is its check, as a method's answer is; a loop bounded by a
/// governed amount, a state flipped to its other value, and a string state no policy names decide nothing.
/// </summary>
public sealed class AnswerLoopAndToggleShapesTests
{
    private const string Domain = """
        using System;
        using System.Collections.Generic;
        using System.Linq;

        namespace Delivery
        {
            public static class TokenStatus
            {
                public const string Active = "Active";
                public const string Inactive = "Inactive";
            }

            public static class RequestStatus
            {
                public const string Approved = "Approved";
                public const string Applied = "Applied";
            }

            public sealed class Parcel
            {
                public Guid? OrderId { get; set; }
                public bool AddedToOrder => {|#0:OrderId.HasValue|};
            }

            public sealed class Order
            {
                public List<Parcel> Parcels { get; set; } = new();
                public bool Express { get; set; }
                public bool HasParcels => {|#1:Parcels.Any()|};
                public bool IsExpress => Express;
            }

            public sealed class TicketSale
            {
                public int Amount { get; set; }
            }

            public sealed class AccessToken
            {
                public string Status { get; set; } = TokenStatus.Active;
                public void Toggle() => Status = Status == TokenStatus.Active ? TokenStatus.Inactive : TokenStatus.Active;
            }

            public sealed class ChangeRequest
            {
                public string Status { get; set; } = "";
            }

            public static class AssertionConcern
            {
                public static void AssertStateTrue(bool value, string message)
                {
                    if (!value) throw new InvalidOperationException(message);
                }
            }

            public sealed class Tenant
            {
                public bool Active { get; set; }

                public void Activate()
                {
                    if (!Active)
                    {
                        Active = true;
                    }
                }

                public void Rename() => AssertionConcern.AssertStateTrue({|PA0001:this.Active|}, "Tenant is not active.");
            }

            public sealed class FeatureFlag
            {
                public bool IsArchived { get; set; }
                public string Name { get; set; } = "";
                public void Archive() => IsArchived = true;
            }
        }
        """;

    private const string Policies = """
        using System.Linq;
        using PolicyAudit;
        using Delivery;

        namespace Delivery.Policies
        {
            [Policy("vehicle-needs-parcels")]
            public sealed class VehicleNeedsParcels : Policy
            {
                public override void Define()
                {
                    Order order = null!;
                    When().Match(() => order, o => !o.Parcels.Any());
                    Then().Deny("An order without parcels gets no vehicle.");
                }
            }

            [Policy("express-surcharge")]
            public sealed class ExpressSurcharge : Policy
            {
                public override void Define()
                {
                    Order order = null!;
                    When().Match(() => order, o => o.Express);
                    Then().RequireApproval("Express delivery costs extra.");
                }
            }

            [Policy("parcel-in-one-order")]
            public sealed class ParcelInOneOrder : Policy
            {
                public override void Define()
                {
                    Parcel parcel = null!;
                    When().Match(() => parcel, p => p.OrderId != null);
                    Then().Deny("The parcel is already in an order.");
                }
            }

            [Policy("sale-size")]
            public sealed class SaleSize : Policy
            {
                public override void Define()
                {
                    TicketSale sale = null!;
                    When().Match(() => sale, s => s.Amount > 100);
                    Then().RequireApproval("Large ticket sales need the organiser.");
                }
            }

            [Policy("inactive-tokens-rejected")]
            public sealed class InactiveTokensRejected : Policy
            {
                public override void Define()
                {
                    AccessToken token = null!;
                    When().Match(() => token, t => t.Status != TokenStatus.Active);
                    Then().Deny("The token is not active.");
                }
            }

            [Policy("archived-flags-frozen")]
            public sealed class ArchivedFlagsFrozen : Policy
            {
                public override void Define()
                {
                    FeatureFlag flag = null!;
                    When().Match(() => flag, f => f.IsArchived);
                    Then().Deny("An archived flag cannot be changed.");
                }
            }

            [Policy("active-tenants-only")]
            public sealed class ActiveTenantsOnly : Policy
            {
                public override void Define()
                {
                    Tenant tenant = null!;
                    When().Match(() => tenant, t => !t.Active);
                    Then().Deny("The tenant is not active.");
                }
            }

            [Policy("apply-only-approved")]
            public sealed class ApplyOnlyApproved : Policy
            {
                public override void Define()
                {
                    ChangeRequest request = null!;
                    When().Match(() => request, r => r.Status != RequestStatus.Approved);
                    Then().Deny("Only approved changes are applied.");
                }
            }
        }
        """;

    [Fact]
    public async Task PropertyAnswer_TestOfGovernedMember_IsReportedButForwardIsNot()
    {
        await VerifyCS.VerifyBesideAsync("""
            public static class Nothing { }
            """,
            [Domain, Policies],
            VerifyCS.Expected(0, "OrderId.HasValue", "policy 'parcel-in-one-order'"),
            VerifyCS.Expected(1, "Parcels.Any()", "policy 'vehicle-needs-parcels'"));
    }

    [Fact]
    public async Task LoopBoundToggleAndOtherStringState_AreNotReportedButTheLookAlikesAre()
    {
        await VerifyCS.VerifyBesideAsync("""
            using System;
            using System.Collections.Generic;
            using Delivery;
            public static class Sales
            {
                public static List<Guid> Issue(TicketSale sale)
                {
                    var tickets = new List<Guid>();
                    for (var i = 0; i < sale.Amount; i++)
                    {
                        tickets.Add(Guid.NewGuid());
                    }

                    return tickets;
                }

                public static void Check(TicketSale sale, int i)
                {
                    if ({|#2:i < sale.Amount|}) throw new InvalidOperationException("Not enough tickets.");
                }

                public static bool CanApprove(ChangeRequest request) => request.Status != RequestStatus.Applied;

                public static bool CanApply(ChangeRequest request) => {|#3:request.Status == RequestStatus.Approved|};
            }
            """,
            [Domain, Policies],
            VerifyCS.Expected(0, "OrderId.HasValue", "policy 'parcel-in-one-order'"),
            VerifyCS.Expected(1, "Parcels.Any()", "policy 'vehicle-needs-parcels'"),
            VerifyCS.Expected(2, "i < sale.Amount", "policy 'sale-size'"),
            VerifyCS.Expected(3, "request.Status == RequestStatus.Approved", "policy 'apply-only-approved'"));
    }

    [Fact]
    public async Task EarlyReturn_SameAnswerAsTheMethodsEnd_IsNotReportedWhileARefusalIs()
    {
        await VerifyCS.VerifyBesideAsync("""
            using System.Threading.Tasks;
            using Delivery;
            public static class Flags
            {
                public static async Task<bool> Archive(FeatureFlag flag)
                {
                    if (flag.IsArchived)
                    {
                        return true;
                    }

                    flag.Archive();
                    await Task.Yield();
                    return true;
                }

                public static bool Rename(FeatureFlag flag, string name)
                {
                    if ({|#2:flag.IsArchived|})
                    {
                        return false;
                    }

                    flag.Name = name;
                    return true;
                }
            }
            """,
            [Domain, Policies],
            VerifyCS.Expected(0, "OrderId.HasValue", "policy 'parcel-in-one-order'"),
            VerifyCS.Expected(1, "Parcels.Any()", "policy 'vehicle-needs-parcels'"),
            VerifyCS.Expected(2, "flag.IsArchived", "policy 'archived-flags-frozen'"));
    }

    [Fact]
    public async Task FlagCopiedIntoAFormIsNotReportedWhileANonShortCircuitTestIs()
    {
        await VerifyCS.VerifyBesideAsync("""
            using Delivery;
            public sealed class OrderForm
            {
                public bool Express { get; set; }
            }

            public static class Forms
            {
                public static OrderForm Fill(Order order) => new OrderForm { Express = order.Express == true };

                public static bool Rush(Order order, bool weekend)
                {
                    if ({|#2:order.Express|} | weekend)
                    {
                        return true;
                    }

                    return false;
                }
            }
            """,
            [Domain, Policies],
            VerifyCS.Expected(0, "OrderId.HasValue", "policy 'parcel-in-one-order'"),
            VerifyCS.Expected(1, "Parcels.Any()", "policy 'vehicle-needs-parcels'"),
            VerifyCS.Expected(2, "order.Express", "policy 'express-surcharge'"));
    }

    [Fact]
    public async Task FlagPassedToAGuardHelper_IsReportedWhileASwitchWhenNeededIsNot()
    {
        await VerifyCS.VerifyBesideAsync("""
            using Delivery;
            public static class Invitations
            {
                public static void Invite(Tenant tenant) => AssertionConcern.AssertStateTrue({|#2:tenant.Active|}, "Tenant is not active.");

                public static void Deactivate(Tenant tenant)
                {
                    if (tenant.Active)
                    {
                        tenant.Active = false;
                    }
                }
            }
            """,
            [Domain, Policies],
            VerifyCS.Expected(0, "OrderId.HasValue", "policy 'parcel-in-one-order'"),
            VerifyCS.Expected(1, "Parcels.Any()", "policy 'vehicle-needs-parcels'"),
            VerifyCS.Expected(2, "tenant.Active", "policy 'active-tenants-only'"));
    }
}
