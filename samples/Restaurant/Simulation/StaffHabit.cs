using Restaurant.Facts;

namespace Restaurant.Simulation;

/// <summary>
/// How staff and guests tend to react when one policy stands in the way: how often staff make the exception, how
/// often a waiter tries it without the authority, how often the justification is lazy, and what the guest does next.
/// </summary>
/// <param name="OverrideChance">How often staff decide to make the exception.</param>
/// <param name="TriesAloneChance">How often a waiter without the authority tries before asking someone who has it.</param>
/// <param name="LazyChance">How often the first justification is a placeholder ("ok", "n/a").</param>
/// <param name="ComplaintIfHeld">How often the guest complains when the policy is held.</param>
/// <param name="ComplimentIfMade">How often the guest compliments the service when the exception is made.</param>
/// <param name="LossIfMade">How often the exception costs the business money it notices.</param>
/// <param name="Justifications">What staff write when they make the exception.</param>
/// <param name="ChanceFor">
/// When set, how often staff make the exception for this request instead of <paramref name="OverrideChance"/>: staff
/// judge the case in front of them, and that judgement is what the review's suggestions read from the stored facts.
/// </param>
internal sealed record StaffHabit(
    double OverrideChance,
    double TriesAloneChance,
    double LazyChance,
    double ComplaintIfHeld,
    double ComplimentIfMade,
    double LossIfMade,
    string[] Justifications,
    Func<object, double>? ChanceFor = null)
{
    /// <summary>How often staff make the exception for <paramref name="request"/>.</summary>
    public double OverrideChanceFor(object request) => ChanceFor?.Invoke(request) ?? OverrideChance;

    public static readonly IReadOnlyDictionary<string, StaffHabit> ByPolicy = new Dictionary<string, StaffHabit>(StringComparer.Ordinal)
    {
        ["no-substitutions-tasting-menu"] = new(0.55, 0.25, 0.05, 0.30, 0.30, 0.02,
        [
            "Guest dislikes mushrooms; the kitchen had spare roasted squash for the garnish",
            "Swapped the sauce for the one from the previous course, no delay to the wave",
            "Guest is pregnant and asked for the lamb well done; chef agreed",
            "Same dish without the truffle, chef confirmed it plates at the same time",
        ]),
        ["comped-dessert-needs-manager"] = new(0.95, 0.30, 0.05, 0.60, 0.50, 0.10,
        [
            "Main course came out 25 minutes after the rest of the table",
            "Wrong dessert served and the right one took another 15 minutes",
            "Hair in the soufflé; remade and comped",
            "Guest's dessert was forgotten while the rest of the party ate",
        ]),
        ["large-comps-need-owner"] = new(0.80, 0.50, 0.00, 0.70, 0.40, 0.50,
        [
            "Whole table waited 50 minutes for mains after a kitchen fire alarm",
            "Red wine spilled over the guest's jacket by our runner",
        ]),
        ["corkage-fee"] = new(0.45, 0.30, 0.15, 0.25, 0.20, 0.30,
        [
            "Anniversary bottle from their wedding year; they also ordered a bottle from our list",
            "Guests are wine-club members of the vineyard we buy from",
            "Bottle was a gift for the chef; we opened it together",
            "Second visit this month, they ordered the pairing for the table",
        ]),
        ["no-outside-bottles-from-our-list"] = new(0.10, 0.40, 0.10, 0.20, 0.10, 0.30,
        [
            "Our last bottle of that vintage was sold an hour ago",
        ]),
        // A couple after 22:00 is two mains the line can still cook; a bigger party would keep the kitchen past midnight.
        ["no-seating-after-2200"] = new(0.20, 0.50, 0.05, 0.50, 0.30, 0.05,
        [
            "Kitchen agreed to stay for a party of two ordering mains only",
            "Only two of them, mains only; the kitchen agreed",
            "Flight delayed; they booked for 20:30 and called ahead",
        ],
        ChanceFor: request => request is SeatingRequest { PartySize: <= 2 } ? 0.85 : 0.05),
        ["reservation-held-15-minutes"] = new(0.85, 0.40, 0.10, 0.60, 0.20, 0.00,
        [
            "Table was still free; next booking at that table is not until 21:45",
            "They called at 19:10 to say they were stuck in traffic",
            "Bridge closed; half the room arrived late tonight",
        ]),
        ["large-party-gratuity"] = new(0.15, 0.40, 0.10, 0.30, 0.10, 0.20,
        [
            "Party waited 40 minutes for the table they booked; gratuity removed as an apology",
            "Host had agreed a fixed price with the manager including service",
        ]),
        ["split-bill-limit"] = new(0.90, 0.00, 0.05, 0.40, 0.10, 0.00,
        [
            "Quiet moment at the terminal, no other table waiting",
            "Team dinner; each guest claims expenses separately",
            "Guests paying cash and card, took two minutes",
        ]),
        ["charge-new-price"] = new(0.70, 0.50, 0.10, 0.70, 0.30, 0.05,
        [
            "Guest was not told about the price change before ordering",
            "Printed menu in the window still shows the old price",
            "Regular who orders the oysters every week; honoured the old price once and explained the new farm",
        ]),
        ["no-alcohol-under-21"] = new(0.30, 1.00, 0.00, 0.10, 0.00, 0.00,
        [
            "Parents at the table said it is fine",
            "Guest turns 21 next week",
        ]),
        ["kitchen-closes-2230"] = new(0.30, 0.40, 0.05, 0.40, 0.20, 0.10,
        [
            "Table asked for one more dessert to share while the pastry section was still plating",
            "Late seating the manager already approved; mains only",
        ]),
        ["cake-cutting-fee"] = new(0.92, 0.00, 0.05, 0.50, 0.35, 0.00,
        [
            "Birthday; the party ordered coffee and dessert wine for the table",
            "Child's birthday, small cake, served by the waiter not the pastry section",
            "Cake was from the bakery next door that supplies our bread",
        ]),
        ["fourth-exception-needs-manager"] = new(0.70, 0.60, 0.05, 0.30, 0.20, 0.10,
        [
            "Manager spoke with the guest: the kitchen keeps getting their order wrong, fixed the ticket template",
            "Long-standing regular, hosts the monthly book club here",
        ]),
    };

    public static readonly string[] LazyJustifications = ["ok", "n/a", "override", "customer asked", "fine"];
}
