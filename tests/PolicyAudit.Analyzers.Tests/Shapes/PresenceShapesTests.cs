using Microsoft.CodeAnalysis.Testing;
using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// Measured on EasyAbp EShop (docs/analyzer-evaluation.md): a policy whose whole test of a member is whether it is set
/// (<c>c.OrderId != null</c>: the coupon is already used). The code's presence tests of that member are the policy's
/// check; a comparison of it with another entity's own <c>Id</c> matches keys. A presence test beside a threshold stays a
/// guard.
/// </summary>
public sealed class PresenceShapesTests
{
    private const string Domain = """
        using System;
        namespace Coupons
        {
            public sealed class Coupon
            {
                public Guid? OrderId { get; set; }
                public DateTime? ExpirationTime { get; set; }
                public string? MemberId { get; set; }
            }

            public sealed class Order
            {
                public Guid Id { get; set; }
                public Guid? PaymentId { get; set; }
                public DateTime? PaymentExpiration { get; set; }
            }
        }
        """;

    private const string Policies = """
        using System;
        using PolicyAudit;
        using Coupons;
        namespace Coupons.Policies
        {
            public sealed record Now(DateTime At);

            public sealed record Redemption(string ContactId);

            [Policy("coupon-owner")]
            public sealed class CouponOwner : Policy
            {
                public override void Define()
                {
                    Coupon coupon = null!;
                    Redemption redemption = null!;
                    When().Match(() => coupon, c => c.MemberId != null).Match(() => redemption, r => r.ContactId != coupon.MemberId);
                    Then().Deny("The coupon is someone else's.");
                }
            }

            [Policy("coupon-single-use")]
            public sealed class CouponSingleUse : Policy
            {
                public override void Define()
                {
                    Coupon coupon = null!;
                    When().Match(() => coupon, c => c.OrderId != null);
                    Then().Deny("The coupon has been used.");
                }
            }

            [Policy("unpaid-order-expiry")]
            public sealed class UnpaidOrderExpiry : Policy
            {
                public override void Define()
                {
                    Order order = null!;
                    Now now = null!;
                    When().Match(() => now).Match(() => order, o => o.PaymentId == null && now.At > o.PaymentExpiration);
                    Then().Deny("The order was not paid in time.");
                }
            }

            [Policy("coupon-expiry")]
            public sealed class CouponExpiry : Policy
            {
                public override void Define()
                {
                    Coupon coupon = null!;
                    Now now = null!;
                    When().Match(() => now).Match(() => coupon, c => c.ExpirationTime != null && now.At > c.ExpirationTime);
                    Then().Deny("The coupon has expired.");
                }
            }
        }
        """;

    private static Task VerifyAsync(string markup, params DiagnosticResult[] expected) => VerifyCS.VerifyBesideAsync(markup, [Domain, Policies], expected);

    [Fact]
    public async Task PresenceTest_ThePolicysWholeTest_IsReportedWhileAKeyMatchAndAGuardAreNot()
    {
        await VerifyAsync("""
            using System;
            using Coupons;
            public static class CouponService
            {
                public static void Occupy(Coupon coupon, Order order)
                {
                    if ({|#0:coupon.OrderId.HasValue|})
                    {
                        throw new InvalidOperationException("Occupied.");
                    }

                    if ({|#1:coupon.OrderId is not null|} && coupon.OrderId != order.Id)
                    {
                        throw new InvalidOperationException("Another order holds it.");
                    }

                    coupon.OrderId = order.Id;
                }

                // Cofoundry: an idempotent command leaves when it is already done, then sets the member itself.
                public static void Attach(Coupon coupon, Order order)
                {
                    if (coupon.OrderId.HasValue)
                    {
                        return;
                    }

                    coupon.OrderId = order.Id;
                }

                public static bool Expired(Coupon coupon) => coupon.ExpirationTime.HasValue && coupon.ExpirationTime != null && {|#2:DateTime.UtcNow > coupon.ExpirationTime|};
            }
            """,
            VerifyCS.Expected(0, "coupon.OrderId.HasValue", "policy 'coupon-single-use'"),
            VerifyCS.Expected(1, "coupon.OrderId is not null", "policy 'coupon-single-use'"),
            VerifyCS.Expected(2, "DateTime.UtcNow > coupon.ExpirationTime", "policy 'coupon-expiry'"));
    }

    [Fact]
    public async Task PresenceTest_BesideAThresholdOfItsFact_IsAGuardAndAKeyMatchIsNotReported()
    {
        // EasyAbp: `o.PaymentId == null` only scopes the unpaid order's deadline; the handlers' `PaymentId.HasValue` and
        // `order.PaymentId != payment.Id` ask other questions.
        await VerifyAsync("""
            using System;
            using Coupons;
            public static class Payments
            {
                public static bool Matches(Order order, Guid paymentId) => order.PaymentId.HasValue && order.PaymentId == paymentId;

                public static bool Overdue(Order order) => order.PaymentId == null && {|#0:DateTime.UtcNow > order.PaymentExpiration|};
            }
            """,
            VerifyCS.Expected(0, "DateTime.UtcNow > order.PaymentExpiration", "policy 'unpaid-order-expiry'"));
    }

    [Fact]
    public async Task MemberComparedWithAnotherFactsValueByThePolicy_IsReportedBesideItsPresence()
    {
        // VirtoCommerce: the policy compares `MemberId` with the redeeming contact (a join, so only its presence test is
        // recorded); the code's `coupon.MemberId == contactId` is that owner check, not a match with another entity's `Id`,
        // and its `MemberId == null` the policy's presence test.
        await VerifyAsync("""
            using Coupons;
            public static class Redemptions
            {
                public static bool IsOwners(Coupon coupon, string contactId) => {|#1:coupon.MemberId == null|} || {|#0:coupon.MemberId == contactId|};
            }
            """,
            VerifyCS.Expected(0, "coupon.MemberId == contactId", "policy 'coupon-owner'"),
            VerifyCS.Expected(1, "coupon.MemberId == null", "policy 'coupon-owner'"));
    }

    [Fact]
    public async Task TextSettingTestedForPresence_ThePolicysWholeTest_IsReported()
    {
        // Jackett: the UI needs the admin password only when one is set: `!string.IsNullOrEmpty(c.AdminPassword)`.
        await VerifyCS.VerifyBesideAsync("""
            namespace Server
            {
                public static class Security
                {
                    public static bool OpenAccess(ServerConfig config) => {|#0:string.IsNullOrWhiteSpace(config.AdminPassword)|};

                    public static bool HasKey(ServerConfig config) => !string.IsNullOrEmpty(config.ApiKey);

                    // A presence test that only guards reading the member is not the policy's.
                    public static string Masked(ServerConfig config) =>
                        string.IsNullOrEmpty(config.AdminPassword) ? string.Empty : config.AdminPassword.Substring(0, 2);
                }
            }
            """,
            [
                """
                namespace Server
                {
                    public sealed class ServerConfig
                    {
                        public string? AdminPassword { get; set; }
                        public string? ApiKey { get; set; }
                    }
                }
                """,
                """
                using PolicyAudit;
                namespace Server.Policies
                {
                    [Policy("ui-admin-password")]
                    public sealed class UiAdminPassword : Policy
                    {
                        public override void Define()
                        {
                            ServerConfig config = null!;
                            When().Match(() => config, c => !string.IsNullOrEmpty(c.AdminPassword));
                            Then().Deny("Sign in with the admin password.");
                        }
                    }
                }
                """,
            ],
            VerifyCS.Expected(0, "string.IsNullOrWhiteSpace(config.AdminPassword)", "policy 'ui-admin-password'"));
    }
}
