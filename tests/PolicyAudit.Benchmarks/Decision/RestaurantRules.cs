using NRules.Fluent.Dsl;
using Restaurant.Facts;

namespace PolicyAudit.Benchmarks.Decision;

/// <summary>
/// The Restaurant sample's 21 policies written as plain NRules rules, the way NRules' documentation writes rules: the
/// same conditions and reasons, each yielding a <see cref="BaselineFiring"/> instead of a policy outcome. The raw NRules
/// baselines of the decision family run these. One class per policy is what NRules needs (a rule is a class); they are
/// nested here because together they are one thing, the sample's policy set without PolicyAudit.
/// </summary>
internal static class RestaurantRules
{
    private static readonly TimeOnly LastOrders = new(22, 30);
    private static readonly TimeOnly LastSeating = new(22, 0);
    private static readonly TimeOnly LateService = new(21, 45);

    /// <summary>The rule classes, to load into a <c>RuleRepository</c>.</summary>
    public static Type[] Types { get; } = typeof(RestaurantRules).GetNestedTypes().Where(t => typeof(Rule).IsAssignableFrom(t)).ToArray();

    public sealed class ALaCarteChangesWelcome : Rule
    {
        public override void Define()
        {
            SubstitutionRequest request = null!;
            When().Match(() => request, r => r.Menu == Menu.ALaCarte, r => !r.Allergy);
            Then().Yield(_ => new BaselineFiring("a-la-carte-changes-welcome", DecisionOutcome.Allow, request.Change + " in " + request.Dish + ", cooked to order"));
        }
    }

    public sealed class AllergiesAlwaysAccommodated : Rule
    {
        public override void Define()
        {
            SubstitutionRequest request = null!;
            When().Match(() => request, r => r.Allergy);
            Then().Yield(_ => new BaselineFiring("allergies-always-accommodated", DecisionOutcome.Allow, "Allergy change for " + request.Dish + ": " + request.Change));
        }
    }

    public sealed class CakeCuttingFee : Rule
    {
        public override void Define()
        {
            OutsideCake cake = null!;
            When().Match(() => cake, c => c.WaiveFee);
            Then().Yield(_ => new BaselineFiring("cake-cutting-fee", DecisionOutcome.Deny, "Cake-cutting fee of " + (cake.PartySize * 4) + " for the " + cake.Occasion + " cake"));
        }
    }

    public sealed class ChargeTheNewPrice : Rule
    {
        public override void Define()
        {
            PriceQuestion question = null!;
            When().Match(() => question, q => q.NewPrice > q.OldPrice);
            Then().Yield(_ => new BaselineFiring("charge-new-price", DecisionOutcome.Deny, question.Item + " costs " + question.NewPrice + " since " + question.ChangedOn + " (was " + question.OldPrice + "): " + question.WhyItChanged));
        }
    }

    public sealed class CheckIdForAlcohol : Rule
    {
        public override void Define()
        {
            AlcoholOrder order = null!;
            When().Match(() => order, o => o.IdChecked, o => o.Age < 21);
            Then().Yield(_ => new BaselineFiring("no-alcohol-under-21", DecisionOutcome.Deny, "The guest is " + order.Age + "; " + order.Drink + " cannot be served"));
        }
    }

    public sealed class CompedDessertNeedsManager : Rule
    {
        public override void Define()
        {
            CompRequest comp = null!;
            When().Match(() => comp, c => c.Course == "dessert");
            Then().Yield(_ => new BaselineFiring("comped-dessert-needs-manager", DecisionOutcome.RequireApproval, "Comping " + comp.Item + " (" + comp.Cause + ") needs a manager"));
        }
    }

    public sealed class CorkageFee : Rule
    {
        public override void Define()
        {
            BroughtBottle bottle = null!;
            When().Match(() => bottle, b => b.CorkageWaiverRequested);
            Then().Yield(_ => new BaselineFiring("corkage-fee", DecisionOutcome.Deny, "Corkage of 30 applies to " + bottle.Wine));
        }
    }

    public sealed class KitchenClosesAt2230 : Rule
    {
        public override void Define()
        {
            KitchenOrder order = null!;
            When().Match(() => order, o => o.At > LastOrders);
            Then().Yield(_ => new BaselineFiring("kitchen-closes-2230", DecisionOutcome.Deny, order.Dishes + " dishes ordered at " + order.At + ", after last orders at 22:30"));
        }
    }

    public sealed class LargeBillsNeedSupervisorCheck : Rule
    {
        public override void Define()
        {
            BillRequest bill = null!;
            When().Match(() => bill, b => b.Total > 2000m);
            Then().Yield(_ => new BaselineFiring("large-bills-need-supervisor-check", DecisionOutcome.RequireApproval, "A bill of " + bill.Total + " for " + bill.PartySize + " guests is checked by a supervisor first"));
        }
    }

    public sealed class LargeCompsNeedOwner : Rule
    {
        public override void Define()
        {
            CompRequest comp = null!;
            When().Match(() => comp, c => c.Value > 80m);
            Then().Yield(_ => new BaselineFiring("large-comps-need-owner", DecisionOutcome.RequireApproval, "Comping " + comp.Item + " worth " + comp.Value + " is over the limit of 80"));
        }
    }

    public sealed class LargePartiesNeedReservation : Rule
    {
        public override void Define()
        {
            SeatingRequest seating = null!;
            When().Match(() => seating, s => !s.Reserved, s => s.PartySize > 12);
            Then().Yield(_ => new BaselineFiring("large-parties-need-reservation", DecisionOutcome.RequireApproval, "A walk-in party of " + seating.PartySize + " needs tables joined and the floor rearranged"));
        }
    }

    public sealed class LargePartyGratuity : Rule
    {
        public override void Define()
        {
            BillRequest bill = null!;
            When().Match(() => bill, b => b.PartySize >= 8, b => b.RemoveGratuity);
            Then().Yield(_ => new BaselineFiring("large-party-gratuity", DecisionOutcome.Deny, "Party of " + bill.PartySize + " pays the 18% gratuity"));
        }
    }

    public sealed class LateLargeOrdersNeedChef : Rule
    {
        public override void Define()
        {
            KitchenOrder order = null!;
            When().Match(() => order, o => o.Dishes > 24, o => o.At > LateService);
            Then().Yield(_ => new BaselineFiring("late-large-orders-need-chef", DecisionOutcome.RequireApproval, order.Dishes + " dishes at " + order.At + " need the head chef, with half the line cleaning down"));
        }
    }

    public sealed class NoOutsideBottlesFromOurList : Rule
    {
        public override void Define()
        {
            BroughtBottle bottle = null!;
            When().Match(() => bottle, b => b.OnOurList);
            Then().Yield(_ => new BaselineFiring("no-outside-bottles-from-our-list", DecisionOutcome.Deny, bottle.Wine + " is on our wine list"));
        }
    }

    public sealed class NoSeatingAfterTen : Rule
    {
        public override void Define()
        {
            SeatingRequest seating = null!;
            When().Match(() => seating, s => s.At > LastSeating);
            Then().Yield(_ => new BaselineFiring("no-seating-after-2200", DecisionOutcome.Deny, "Party of " + seating.PartySize + " arrived at " + seating.At + ", after the last seating at 22:00"));
        }
    }

    public sealed class NoSubstitutionsOnTastingMenu : Rule
    {
        public override void Define()
        {
            SubstitutionRequest request = null!;
            When().Match(() => request, r => r.Menu == Menu.Tasting, r => !r.Allergy);
            Then().Yield(_ => new BaselineFiring("no-substitutions-tasting-menu", DecisionOutcome.Deny, "No substitutions on the tasting menu: " + request.Change + " in " + request.Dish));
        }
    }

    public sealed class RepeatExceptionsNeedManager : Rule
    {
        public override void Define()
        {
            CustomerHistory history = null!;
            When().Match(() => history, h => h.Overrides >= 3);
            Then().Yield(_ => new BaselineFiring("fourth-exception-needs-manager", DecisionOutcome.Deny, history.Customer + " already had " + history.Overrides + " exceptions this month; a manager decides the next one"));
        }
    }

    public sealed class ReservationHeldFifteenMinutes : Rule
    {
        public override void Define()
        {
            SeatingRequest seating = null!;
            When().Match(() => seating, s => s.Reserved, s => s.MinutesLate > 15);
            Then().Yield(_ => new BaselineFiring("reservation-held-15-minutes", DecisionOutcome.RequireApproval, "The party is " + seating.MinutesLate + " minutes late; the table was held for 15"));
        }
    }

    public sealed class SplitBillLimit : Rule
    {
        public override void Define()
        {
            BillRequest bill = null!;
            When().Match(() => bill, b => b.SplitWays > 4);
            Then().Yield(_ => new BaselineFiring("split-bill-limit", DecisionOutcome.Deny, "Splitting " + bill.SplitWays + " ways is over the limit of 4"));
        }
    }

    public sealed class SteepPriceRisesNeedManager : Rule
    {
        public override void Define()
        {
            PriceQuestion question = null!;
            When().Match(() => question, q => q.NewPrice > q.OldPrice * 1.2m);
            Then().Yield(_ => new BaselineFiring("steep-price-rises-need-manager", DecisionOutcome.RequireApproval, question.Item + " rose from " + question.OldPrice + " to " + question.NewPrice + "; a manager explains the change"));
        }
    }

    public sealed class WineCompsNeedSommelier : Rule
    {
        public override void Define()
        {
            CompRequest comp = null!;
            When().Match(() => comp, c => c.Course == "wine");
            Then().Yield(_ => new BaselineFiring("wine-comps-need-sommelier", DecisionOutcome.RequireApproval, "Comping " + comp.Item + " (" + comp.Cause + ") needs the sommelier to taste the bottle"));
        }
    }
}
