using Restaurant.Facts;

namespace PolicyAudit.Benchmarks.Decision;

/// <summary>
/// The Restaurant sample's 21 policies written as the <c>if</c> statements a developer would write without the engine:
/// the same conditions, the same reasons, the same combination of outcomes. The baseline of the decision family.
/// </summary>
internal static class HandWrittenRestaurantPolicies
{
    private static readonly TimeOnly LastOrders = new(22, 30);
    private static readonly TimeOnly LastSeating = new(22, 0);
    private static readonly TimeOnly LateService = new(21, 45);

    public static BaselineDecision Decide(object[] facts)
    {
        var fired = new BaselineFirings();
        foreach (var fact in facts)
        {
            switch (fact)
            {
                case AlcoholOrder order:
                    if (order.IdChecked && order.Age < 21)
                    {
                        fired.Add("no-alcohol-under-21", DecisionOutcome.Deny, "The guest is " + order.Age + "; " + order.Drink + " cannot be served");
                    }

                    break;
                case BillRequest bill:
                    if (bill.PartySize >= 8 && bill.RemoveGratuity)
                    {
                        fired.Add("large-party-gratuity", DecisionOutcome.Deny, "Party of " + bill.PartySize + " pays the 18% gratuity");
                    }

                    if (bill.SplitWays > 4)
                    {
                        fired.Add("split-bill-limit", DecisionOutcome.Deny, "Splitting " + bill.SplitWays + " ways is over the limit of 4");
                    }

                    if (bill.Total > 2000m)
                    {
                        fired.Add("large-bills-need-supervisor-check", DecisionOutcome.RequireApproval, "A bill of " + bill.Total + " for " + bill.PartySize + " guests is checked by a supervisor first");
                    }

                    break;
                case BroughtBottle bottle:
                    if (bottle.CorkageWaiverRequested)
                    {
                        fired.Add("corkage-fee", DecisionOutcome.Deny, "Corkage of 30 applies to " + bottle.Wine);
                    }

                    if (bottle.OnOurList)
                    {
                        fired.Add("no-outside-bottles-from-our-list", DecisionOutcome.Deny, bottle.Wine + " is on our wine list");
                    }

                    break;
                case CompRequest comp:
                    if (comp.Course == "dessert")
                    {
                        fired.Add("comped-dessert-needs-manager", DecisionOutcome.RequireApproval, "Comping " + comp.Item + " (" + comp.Cause + ") needs a manager");
                    }

                    if (comp.Value > 80m)
                    {
                        fired.Add("large-comps-need-owner", DecisionOutcome.RequireApproval, "Comping " + comp.Item + " worth " + comp.Value + " is over the limit of 80");
                    }

                    if (comp.Course == "wine")
                    {
                        fired.Add("wine-comps-need-sommelier", DecisionOutcome.RequireApproval, "Comping " + comp.Item + " (" + comp.Cause + ") needs the sommelier to taste the bottle");
                    }

                    break;
                case KitchenOrder order:
                    if (order.At > LastOrders)
                    {
                        fired.Add("kitchen-closes-2230", DecisionOutcome.Deny, order.Dishes + " dishes ordered at " + order.At + ", after last orders at 22:30");
                    }

                    if (order.Dishes > 24 && order.At > LateService)
                    {
                        fired.Add("late-large-orders-need-chef", DecisionOutcome.RequireApproval, order.Dishes + " dishes at " + order.At + " need the head chef, with half the line cleaning down");
                    }

                    break;
                case OutsideCake cake:
                    if (cake.WaiveFee)
                    {
                        fired.Add("cake-cutting-fee", DecisionOutcome.Deny, "Cake-cutting fee of " + (cake.PartySize * 4) + " for the " + cake.Occasion + " cake");
                    }

                    break;
                case PriceQuestion question:
                    if (question.NewPrice > question.OldPrice)
                    {
                        fired.Add("charge-new-price", DecisionOutcome.Deny, question.Item + " costs " + question.NewPrice + " since " + question.ChangedOn + " (was " + question.OldPrice + "): " + question.WhyItChanged);
                    }

                    if (question.NewPrice > question.OldPrice * 1.2m)
                    {
                        fired.Add("steep-price-rises-need-manager", DecisionOutcome.RequireApproval, question.Item + " rose from " + question.OldPrice + " to " + question.NewPrice + "; a manager explains the change");
                    }

                    break;
                case SeatingRequest seating:
                    if (seating.At > LastSeating)
                    {
                        fired.Add("no-seating-after-2200", DecisionOutcome.Deny, "Party of " + seating.PartySize + " arrived at " + seating.At + ", after the last seating at 22:00");
                    }

                    if (seating.Reserved && seating.MinutesLate > 15)
                    {
                        fired.Add("reservation-held-15-minutes", DecisionOutcome.RequireApproval, "The party is " + seating.MinutesLate + " minutes late; the table was held for 15");
                    }

                    if (!seating.Reserved && seating.PartySize > 12)
                    {
                        fired.Add("large-parties-need-reservation", DecisionOutcome.RequireApproval, "A walk-in party of " + seating.PartySize + " needs tables joined and the floor rearranged");
                    }

                    break;
                case SubstitutionRequest request:
                    if (request.Allergy)
                    {
                        fired.Add("allergies-always-accommodated", DecisionOutcome.Allow, "Allergy change for " + request.Dish + ": " + request.Change);
                    }

                    if (request.Menu == Menu.Tasting && !request.Allergy)
                    {
                        fired.Add("no-substitutions-tasting-menu", DecisionOutcome.Deny, "No substitutions on the tasting menu: " + request.Change + " in " + request.Dish);
                    }

                    if (request.Menu == Menu.ALaCarte && !request.Allergy)
                    {
                        fired.Add("a-la-carte-changes-welcome", DecisionOutcome.Allow, request.Change + " in " + request.Dish + ", cooked to order");
                    }

                    break;
                case CustomerHistory history:
                    if (history.Overrides >= 3)
                    {
                        fired.Add("fourth-exception-needs-manager", DecisionOutcome.Deny, history.Customer + " already had " + history.Overrides + " exceptions this month; a manager decides the next one");
                    }

                    break;
            }
        }

        return fired.ToDecision();
    }
}
