using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// Comparisons of a governed member that the evaluation on real code (docs/analyzer-evaluation.md) found reported
/// although no policy decides them: a date ordered against the bound of a range (a session inside its event, two stored
/// dates normalised), a search filter over an optional criterion, and two versions of one attribute compared for a
/// change. Each beside the look-alikes that hard-code a policy and stay reported: the policies here test dates against
/// the clock, as EventHub's, nopCommerce's and modular-monolith's do.
/// </summary>
public sealed class RangeSearchAndChangeShapesTests
{
    private const string Domain = """
        using System;

        namespace Dates
        {
            public enum Currency { Eur, Usd }

            public sealed class Event
            {
                public DateTime StartTime { get; set; }
                public DateTime EndTime { get; set; }
                public DateTime CreatedOn { get; set; }
            }

            public sealed class Coupon
            {
                public DateTimeOffset StartOn { get; set; }
                public DateTimeOffset EndOn { get; set; }
            }

            public sealed partial class Term
            {
                public DateTime? StartDate { get; set; }
                public DateTime? EndDate { get; set; }
            }

            public sealed class Link
            {
                public DateTime? LastSync { get; set; }
            }

            public sealed class Product
            {
                public decimal Price { get; set; }
                public int StockQuantity { get; set; }
                public DateTime? SaleEnd { get; set; }
            }

            public sealed class Account
            {
                public Currency Currency { get; set; }
            }

            public sealed class Transfer
            {
                public Currency Currency { get; set; }
            }
        }
        """;

    private const string Policies = """
        using System;
        using PolicyAudit;
        using Dates;

        namespace Dates.Policies
        {
            [Policy("no-registration-after-event")]
            public sealed class NoRegistrationAfterEvent : Policy
            {
                public override void Define()
                {
                    Event e = null!;
                    When().Match(() => e, x => x.EndTime < DateTime.UtcNow || x.CreatedOn > DateTime.UtcNow.AddDays(-1));
                    Then().Deny("The event is over.");
                }
            }

            [Policy("coupon-window")]
            public sealed class CouponWindow : Policy
            {
                public override void Define()
                {
                    Coupon coupon = null!;
                    When().Match(() => coupon, c => c.StartOn > DateTimeOffset.Now || c.EndOn <= DateTimeOffset.Now);
                    Then().Deny("The coupon is not valid now.");
                }
            }

            [Policy("rsvp-window")]
            public sealed class RsvpWindow : Policy
            {
                public override void Define()
                {
                    Term term = null!;
                    When().Match(() => term, t => t.StartDate > DateTime.UtcNow || t.EndDate < DateTime.UtcNow);
                    Then().Deny("RSVPs are closed.");
                }
            }

            [Policy("resync-after-180-days")]
            public sealed class ResyncAfter180Days : Policy
            {
                public override void Define()
                {
                    Link link = null!;
                    When().Match(() => link, l => l.LastSync < DateTime.UtcNow.AddDays(-180));
                    Then().Deny("Sync the link again.");
                }
            }

            [Policy("price-cap")]
            public sealed class PriceCap : Policy
            {
                public override void Define()
                {
                    Product product = null!;
                    When().Match(() => product, p => p.Price > 1000m || p.StockQuantity < 5 || p.SaleEnd < DateTime.UtcNow);
                    Then().Deny("Needs a manager.");
                }
            }

            [Policy("same-currency")]
            public sealed class SameCurrency : Policy
            {
                public override void Define()
                {
                    Account account = null!;
                    Transfer transfer = null!;
                    When().Match(() => account).Match(() => transfer, t => t.Currency != account.Currency);
                    Then().Deny("Transfers stay in one currency.");
                }
            }
        }
        """;

    private static Task VerifyAsync(string markup)
    {
        var test = new VerifyCS.Test { TestCode = markup };
        test.TestState.Sources.Add(Domain);
        test.TestState.Sources.Add(Policies);
        return test.RunAsync();
    }

    [Fact]
    public async Task RangeOrdering_GovernedDateAgainstRangeBound_IsNotReported()
    {
        // EventHub's session-inside-its-event invariant and modular-monolith's normalising of two stored terms: the
        // other date is a bound of a range (endTime, MinDate, From, until, StartDate), not the time of a request.
        await VerifyAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using Dates;

            public sealed class EventFilter
            {
                public DateTime From { get; set; }
                public DateTime? MaxDate { get; set; }
            }

            public static class Sessions
            {
                public static void AddSession(Event ev, DateTime startTime, DateTime endTime)
                {
                    if (ev.EndTime < endTime) throw new InvalidOperationException("The session ends after its event.");
                    if (endTime > ev.EndTime.Date) throw new InvalidOperationException("Still after it.");
                }

                public static Term Normalise(Term rsvpTerm, Term meetingTerm)
                {
                    if (rsvpTerm.EndDate > meetingTerm.StartDate) rsvpTerm = new Term { StartDate = rsvpTerm.StartDate, EndDate = meetingTerm.StartDate };
                    return rsvpTerm;
                }

                public static IEnumerable<Event> Between(IEnumerable<Event> events, EventFilter filter, DateTimeOffset until, Coupon coupon)
                {
                    if (coupon.EndOn > until) return Enumerable.Empty<Event>();
                    var windowEnd = filter.MaxDate.GetValueOrDefault();
                    return events.Where(e => e.EndTime >= filter.From && e.EndTime <= windowEnd);
                }
            }
            """);
    }

    [Fact]
    public async Task RangeOrdering_OtherSideIsTheClockOrNotABound_IsReported()
    {
        // The clock, however named or computed (a bound-named local from UtcNow, TimeProvider, an injected clock), and a
        // plain date parameter (IsInTerm's `date`, which callers pass the clock) are the time of a request. Equality is
        // not ordering either: where every policy orders the date, matching it exactly finds a record (fullstackhero's
        // `x.ValidUptoUtc == validUpto`, a notice already sent) and is not reported.
        await VerifyAsync("""
            using System;
            using Dates;

            public interface IClock { DateTime Now { get; } }

            public sealed class Registrations(IClock clock, TimeProvider time)
            {
                private readonly IClock _clock = clock;

                public bool Closed(Event ev) => [|_clock.Now > ev.EndTime|];

                public bool ClosedWithinAWeek(Event ev)
                {
                    var end = DateTime.UtcNow.AddDays(7);
                    return [|ev.EndTime < end|];
                }

                public bool ClosedTonight(Event ev, DateTime endOfToday) => [|ev.EndTime < endOfToday|];

                public bool ExpiresTomorrow(Coupon coupon)
                {
                    var until = time.GetUtcNow().AddDays(1);
                    return [|coupon.EndOn <= until|];
                }

                public bool ClosedAt(Event ev, DateTime requestedAt) => [|ev.EndTime < requestedAt|];

                public bool EndsThen(Event ev, DateTime until) => ev.EndTime == until;
            }

            namespace Dates
            {
                public sealed partial class Term
                {
                    public bool IsInTerm(DateTime date) => [|StartDate.Value <= date|] && [|EndDate.Value >= date|];
                }
            }
            """);
    }

    [Fact]
    public async Task RangeOrdering_BoundComputedFromAGovernedDate_IsReported()
    {
        // win-acme: `var end = validFrom.AddDays(settings.RenewalDays); if (endMinValid < end)`: a bound-named value
        // computed from a governed date is the policy's deadline, not one end of a range of stored dates.
        await VerifyAsync("""
            using System;
            using Dates;
            public static class Deadlines
            {
                public static DateTime RenewBy(Event ev, Link link)
                {
                    var end = ev.CreatedOn.AddDays(30);
                    if ([|link.LastSync!.Value < end|])
                    {
                        end = link.LastSync.Value;
                    }

                    return end;
                }
            }
            """);
    }

    [Fact]
    public async Task ClockComparisons_MeasuredTruePositives_StayReported()
    {
        // The true positives of EventHub, nopCommerce and modular-monolith, each beside the rules that now skip dates.
        await VerifyAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using Dates;

            public static class Checks
            {
                public static bool NotStarted(Coupon coupon) => [|coupon.StartOn > DateTimeOffset.Now|];

                public static bool Ended(Coupon coupon) => [|coupon.EndOn <= DateTimeOffset.Now|];

                public static decimal Price(Product product) => Discounted(product.Price, product.SaleEnd);

                private static decimal Discounted(decimal price, DateTime? saleEnd) => [|saleEnd > DateTime.UtcNow|] ? price / 2 : price;

                public static bool Stale(Link link) => [|DateTime.UtcNow.Subtract(link.LastSync.Value).TotalDays > 180|];

                public static IEnumerable<Event> Fresh(IEnumerable<Event> events) => events.Where(x => [|x.CreatedOn < DateTime.UtcNow.AddMinutes(-5)|]);

                public static IEnumerable<Event> FreshThroughLocal(IEnumerable<Event> events)
                {
                    var cutoff = DateTime.UtcNow.AddMinutes(-5);
                    return events.Where(x => [|x.CreatedOn < cutoff|]);
                }
            }
            """);
    }

    [Fact]
    public async Task SearchFilter_OptionalCriterionInQuery_IsNotReported()
    {
        // EventHub's `if (input.MinDate.HasValue) query = query.Where(...)` and nopCommerce's price and date filters:
        // the caller picks the threshold and may leave it out.
        await VerifyAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using Dates;

            public sealed class SearchInput
            {
                public DateTime? Date { get; set; }
                public decimal? MinPrice { get; set; }
                public decimal? MaxPrice { get; set; }
            }

            public static class Search
            {
                public static IQueryable<Product> Products(IQueryable<Product> query, SearchInput input, int? stock)
                {
                    if (input.MinPrice.HasValue) query = query.Where(p => p.Price >= input.MinPrice.Value);
                    query = query.Where(p => p.Price <= input.MaxPrice);
                    query = query.Where(p => p.StockQuantity >= stock.GetValueOrDefault());
                    return query;
                }

                public static List<Event> Events(List<Event> events, SearchInput input, DateTime? createdOnUtc) =>
                    events.FindAll(e => e.EndTime >= input.Date.Value && e.CreatedOn >= createdOnUtc.Value);
            }
            """);
    }

    [Fact]
    public async Task SearchFilter_FixedCriterionOrOutsideQuery_IsReported()
    {
        // A non-nullable criterion, a nullable one held by the service (a setting, not the caller's choice), a
        // lambda's own fact and a plain `if` are not search filters.
        await VerifyAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using Dates;

            public sealed class SearchInput
            {
                public decimal Budget { get; set; }
                public decimal? MaxPrice { get; set; }
            }

            public sealed class Offer
            {
                public Product Product { get; set; } = new();
                public decimal? Ceiling { get; set; }
            }

            public sealed class Catalog
            {
                private readonly decimal? _maxPrice = 900m;

                public IEnumerable<Product> Affordable(IEnumerable<Product> products, SearchInput input) =>
                    products.Where(p => [|p.Price > input.Budget|]);

                public IEnumerable<Product> UnderSetting(IEnumerable<Product> products) =>
                    products.Where(p => [|p.Price > _maxPrice.Value|]);

                public IEnumerable<Offer> Capped(IEnumerable<Offer> offers) =>
                    offers.Where(o => [|o.Product.Price > o.Ceiling.Value|]);

                public bool TooDear(Product product, SearchInput input) =>
                    input.MaxPrice.HasValue && [|product.Price > input.MaxPrice.Value|];
            }
            """);
    }

    [Fact]
    public async Task ChangeDetection_SameNamedVersionOrEarlierCopy_IsNotReported()
    {
        // nopCommerce records a price history when the edited price differs and adjusts stock when the quantity
        // changed; a view model's copy compared with its origin is the same attribute too.
        await VerifyAsync("""
            using System;
            using Dates;

            public sealed class ProductModel
            {
                public decimal Price { get; set; }
            }

            public sealed class ProductVm
            {
                public decimal Price { get; set; }
            }

            public static class Editing
            {
                public static void Update(Product product, ProductModel model, int stockQuantity, Event ev, DateTime endTime)
                {
                    if (product.Price != model.Price) Console.WriteLine("price history");
                    if (!product.Price.Equals(model.Price)) Console.WriteLine("again");
                    if (stockQuantity != product.StockQuantity) Console.WriteLine("stock adjusted");
                    if (ev.EndTime == endTime) Console.WriteLine("unchanged");
                }

                public static ProductVm Map(Product product) => new ProductVm { Price = product.Price };

                public static bool Stale(ProductVm vm, Product product) => vm.Price != product.Price;

                // Bitwarden: which way an attribute moves ("autoscaling cannot subtract") and whether it moved at all.
                public static bool Raised(Product product, ProductModel model) => product.Price > model.Price;

                public static void Resize(Product product, int extra)
                {
                    var initialQuantity = product.StockQuantity;
                    product.StockQuantity += extra;
                    if (product.StockQuantity != initialQuantity) Console.WriteLine("resized");
                }

                public static bool Shrinks(Product product, int adjustment)
                {
                    var newQuantity = product.StockQuantity + adjustment;
                    return product.StockQuantity > newQuantity;
                }
            }
            """);
    }

    [Fact]
    public async Task ChangeDetection_RowAgainstSameNamedThresholdOrCarrierOfAnotherMember_IsReported()
    {
        // Kavita: `series.Where(s => s.AgeRating <= restriction.AgeRating)` filters rows by a user's limit, and
        // `restriction.AgeRating` carries `AppUser.AgeRestriction`: the names match, the attributes do not.
        await VerifyAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using Dates;

            public sealed class Ceiling
            {
                public decimal Price { get; set; }
            }

            public sealed class Restock
            {
                public int Level { get; set; }
            }

            public sealed class Shelf
            {
                public int Level { get; set; }
            }

            public static class Browsing
            {
                public static IEnumerable<Product> Under(IEnumerable<Product> products, Ceiling ceiling) =>
                    products.Where(p => [|p.Price <= ceiling.Price|]);

                public static Restock Plan(Product product) => new Restock { Level = product.StockQuantity };

                public static bool Below(Restock restock, Shelf shelf) => [|restock.Level > shelf.Level|];
            }
            """);
    }

    [Fact]
    public async Task ChangeDetection_OtherNamedComputedOrRelatedByPolicy_IsReported()
    {
        // Only one attribute's versions are change detection: a differently named value, a computed one, and two
        // members a policy relates (same-currency compares Transfer.Currency with
        // Account.Currency) still decide.
        await VerifyAsync("""
            using Dates;

            public sealed class ProductModel
            {
                public decimal Price { get; set; }
                public decimal Limit { get; set; }
            }

            public static class Editing
            {
                public static bool AtLimit(Product product, ProductModel model) => [|product.Price == model.Limit|];

                public static bool Doubled(Product product, ProductModel model) => [|product.Price * 2 == model.Price|];

                public static bool Foreign(Transfer transfer, Account account) => [|transfer.Currency != account.Currency|];

                // fullstackhero: `Debit(decimal amount) { if (amount > Balance.Amount) throw ...; }` asks whether the
                // request fits; the parameter is no version of the member, as the method never stores it there.
                public static void Take(Product product, int stockQuantity)
                {
                    if ([|stockQuantity > product.StockQuantity|]) throw new System.InvalidOperationException("not enough");
                    product.StockQuantity -= stockQuantity;
                }
            }
            """);
    }
}
