namespace PolicyAudit.Analyzers.Tests.Infrastructure;

/// <summary>
/// A small SaaS domain (workspaces, plans, teams, stock) and its NRules-based policies, shaped like the checks
/// real applications write: flags, nullable caps, sizes, dates and zero thresholds. The domain's own sold-out check
/// and Ship()'s guard (it refuses what the paid-before-ship policy denies) are marked: the harness expects them wherever
/// the domain is compiled. Pay()'s guard beside them refuses the opposite state, a transition, and is silent by default.
/// </summary>
internal static class SaasSources
{
    public const string Domain = """
        using System;
        using System.Collections.Generic;

        namespace Saas
        {
            public enum OrderStatus { Draft, Paid, Shipped }

            public sealed class Workspace
            {
                public bool AllowsExport { get; set; }
                public string Name { get; set; } = "";
            }

            public sealed class Plan
            {
                public short IncludedGb { get; set; }
                public int QuotaGb { get; set; }
            }

            public sealed class Team
            {
                public int? MemberCap { get; set; }
                public List<string> Members { get; } = new();
                public List<string> Admins { get; } = new();
            }

            public sealed class Link
            {
                public DateTime? LastSync { get; set; }
            }

            public sealed class Card
            {
                public DateTime CardExpiry { get; set; }
                public bool Verified { get; set; }
            }

            public sealed class Product
            {
                public int Stock { get; set; }
                public int OnHand { get; set; }
                public int Capacity { get; set; }
                public string Name { get; set; } = "";

                public void Take(int quantity)
                {
                    if ({|PA0001:Stock == 0|}) throw new InvalidOperationException(Name + " is sold out");
                    Stock -= quantity;
                }
            }

            public sealed class Order
            {
                public OrderStatus Status { get; set; }
                public decimal Total { get; set; }

                public void Pay()
                {
                    if (Status == OrderStatus.Paid) throw new InvalidOperationException("Already paid.");
                    Status = OrderStatus.Paid;
                }

                public void Ship()
                {
                    if ({|PA0001:Status != OrderStatus.Paid|}) throw new InvalidOperationException("Only paid orders ship.");
                    Status = OrderStatus.Shipped;
                }
            }
        }
        """;

    public const string Policies = """
        using System;
        using System.Linq;
        using NRules.Fluent.Dsl;
        using PolicyAudit;
        using Saas;

        namespace Saas.Policies
        {
            [Policy("export-allowed")]
            public sealed class ExportAllowed : Policy
            {
                public override void Define()
                {
                    Workspace workspace = null!;
                    When().Match(() => workspace, w => !w.AllowsExport);
                    Then().Deny("Export is not part of this workspace's plan.");
                }
            }

            [Policy("storage-cap")]
            public sealed class StorageCap : Policy
            {
                public override void Define()
                {
                    Plan plan = null!;
                    When().Match(() => plan, p => p.IncludedGb > 100);
                    Then().RequireApproval("More than 100 GB needs sales.");
                }
            }

            [Policy("member-cap")]
            public sealed class MemberCap : Policy
            {
                public override void Define()
                {
                    Team team = null!;
                    When().Match(() => team, t => t.MemberCap.HasValue && t.Members.Count >= t.MemberCap.Value);
                    Then().Deny("The team is full.");
                }
            }

            [Policy("admin-cap")]
            public sealed class AdminCap : Policy
            {
                public override void Define()
                {
                    Team team = null!;
                    When().Match(() => team, t => t.Admins.Count > 3);
                    Then().Deny("At most three admins.");
                }
            }

            [Policy("stale-link")]
            public sealed class StaleLink : Policy
            {
                public override void Define()
                {
                    Link link = null!;
                    When().Match(() => link, l => l.LastSync.HasValue && (DateTime.UtcNow - l.LastSync.Value).TotalDays > 180);
                    Then().RequireApproval("Links idle for six months need re-approval.");
                }
            }

            [Policy("card-expiry")]
            public sealed class CardExpiry : Policy
            {
                public override void Define()
                {
                    Card card = null!;
                    When().Match(() => card, c => c.CardExpiry < DateTime.UtcNow || !c.Verified);
                    Then().Deny("Expired cards are declined.");
                }
            }

            [Policy("sold-out")]
            public sealed class SoldOut : Policy
            {
                public override void Define()
                {
                    Product product = null!;
                    When().Match(() => product, p => p.Stock == 0);
                    Then().Deny("Sold out.");
                }
            }

            [Policy("warehouse-capacity")]
            public sealed class WarehouseCapacity : Policy
            {
                public override void Define()
                {
                    Product product = null!;
                    When().Match(() => product, p => p.OnHand > p.Capacity);
                    Then().RequireApproval("Over capacity.");
                }
            }

            [Policy("paid-before-ship")]
            public sealed class PaidBeforeShip : Policy
            {
                public override void Define()
                {
                    Order order = null!;
                    When().Match(() => order, o => o.Status != OrderStatus.Paid);
                    Then().Deny("Only paid orders ship.");
                }
            }

            [Policy("large-order")]
            public sealed class LargeOrder : Policy
            {
                public override void Define()
                {
                    Order order = null!;
                    When().Match(() => order, o => o.Total > 1000m);
                    Then().RequireApproval("Large orders need a manager.");
                }
            }

            [Policy("vip-order")]
            public sealed class VipOrder : Policy
            {
                public override void Define()
                {
                    Order order = null!;
                    When().Match(() => order, o => o.Total >= 5000m);
                    Then().Allow("VIP orders skip the queue.");
                }
            }
        }
        """;

    /// <summary>A stand-in for FluentValidation's public shapes, matched by the analyzer through metadata names only.</summary>
    public const string FluentValidation = """
        using System;
        using System.Linq.Expressions;

        namespace FluentValidation
        {
            public interface IRuleBuilder<T, out TProperty> { }

            public interface IRuleBuilderOptions<T, out TProperty> : IRuleBuilder<T, TProperty> { }

            public abstract class AbstractValidator<T>
            {
                protected IRuleBuilder<T, TProperty> RuleFor<TProperty>(Expression<Func<T, TProperty>> expression) => null!;
            }

            public static class DefaultValidatorExtensions
            {
                public static IRuleBuilderOptions<T, TProperty> Must<T, TProperty>(this IRuleBuilder<T, TProperty> rule, Func<TProperty, bool> predicate) => null!;
                public static IRuleBuilderOptions<T, TProperty> NotEmpty<T, TProperty>(this IRuleBuilder<T, TProperty> rule) => null!;
                public static IRuleBuilderOptions<T, TProperty> LessThanOrEqualTo<T, TProperty>(this IRuleBuilder<T, TProperty> rule, TProperty value) where TProperty : IComparable<TProperty>, IComparable => null!;
                public static IRuleBuilderOptions<T, TProperty> GreaterThan<T, TProperty>(this IRuleBuilder<T, TProperty> rule, TProperty value) where TProperty : IComparable<TProperty>, IComparable => null!;
                public static IRuleBuilderOptions<T, TProperty> InclusiveBetween<T, TProperty>(this IRuleBuilder<T, TProperty> rule, TProperty from, TProperty to) where TProperty : IComparable<TProperty>, IComparable => null!;
            }

            public static class DefaultValidatorOptions
            {
                public static IRuleBuilderOptions<T, TProperty> When<T, TProperty>(this IRuleBuilderOptions<T, TProperty> rule, Func<T, bool> predicate) => rule;
            }
        }
        """;
}
