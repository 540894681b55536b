using PolicyAudit;
using Restaurant.Facts;

namespace Restaurant.Simulation;

/// <summary>
/// Simulates Saturday 21 November at Harbour Street, 18:00 to 23:30: parties arrive, ask for tables, substitutions,
/// corkage waivers, comps, split bills; the engine decides; staff make exceptions for plausible reasons (sometimes
/// lazily, sometimes without the authority); guests complain or compliment. Deterministic for a given seed.
/// </summary>
internal sealed class Evening
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(-8);
    public static readonly DateOnly Date = new(2026, 11, 21);
    private static readonly DateOnly OysterPriceChange = new(2026, 11, 18);
    private static readonly string[] Surnames = ["Lima", "Novak", "Haddad", "Brennan", "Sato", "Mensah", "Kowalski", "Ferreira", "Lindqvist", "Achebe", "Moreau"];

    private readonly IPolicyEngine _engine;
    private readonly IOverrideRecorder _overrides;
    private readonly IOutcomeRecorder _outcomes;
    private readonly IEvidenceStore _store;
    private readonly SimulatedClock _clock;
    private readonly Random _random;
    private readonly Dictionary<string, CustomerHistory> _histories = new(StringComparer.Ordinal);

    public Evening(IPolicyEngine engine, IOverrideRecorder overrides, IOutcomeRecorder outcomes, IEvidenceStore store, SimulatedClock clock, int seed)
    {
        _engine = engine;
        _overrides = overrides;
        _outcomes = outcomes;
        _store = store;
        _clock = clock;
        _random = new Random(seed);
    }

    public int Parties { get; private set; }

    public int Guests { get; private set; }

    public int TurnedAway { get; private set; }

    public static DateTimeOffset At(DateOnly date, TimeOnly time) => new(date.ToDateTime(time), Offset);

    /// <summary>Earlier this month: five regulars already had three exceptions each, so tonight a fourth needs a manager.</summary>
    public async Task PreludeAsync()
    {
        var earlier = new[] { new DateOnly(2026, 11, 6), new DateOnly(2026, 11, 13), new DateOnly(2026, 11, 14) };
        for (var regular = 1; regular <= 5; regular++)
        {
            var customer = Regular(regular);
            for (var visit = 0; visit < earlier.Length; visit++)
            {
                _clock.Set(At(earlier[visit], new TimeOnly(19, 10 * regular)));
                var context = new ServiceContext(customer, Roster.Location, Roster.Supervisors[visit % 2].Id);
                var decision = _engine.Evaluate(new OutsideCake("birthday", 4, WaiveFee: true), context);
                await _overrides.OverrideAsync(decision, Roster.Supervisors[visit % 2], "Regular's family birthday; they ordered dessert wine for the table");
            }
        }
    }

    public async Task RunAsync()
    {
        var parties = ArrivingParties();
        foreach (var party in parties.Where(p => p.Number == 0))
        {
            await HostedDinnerAsync(party);
        }

        foreach (var party in parties.Where(p => p.Number != 0))
        {
            await ServeAsync(party);
        }

        _clock.Set(At(Date, new TimeOnly(23, 30)));
    }

    /// <summary>The dinner party of the first essay: ten guests, a prearranged tasting menu, one guest's dishes forgotten.</summary>
    private async Task HostedDinnerAsync(Party party)
    {
        Parties++;
        Guests += party.Size;
        var waiter = Roster.Waiters[2];
        var context = new ServiceContext(party.Customer, Roster.Location, waiter.Id);
        Now(party.Arrival);
        _engine.Evaluate(new SeatingRequest(party.Size, party.Arrival, Reserved: true, MinutesLate: 0, BookedUnder: "Okafor"), context);

        // The wrong entree, then the forgotten dessert: the waiter wants to comp it and tries on his own first.
        Now(party.Arrival.AddMinutes(95));
        var dessert = _engine.Evaluate(new CompRequest("chocolate delice", "dessert", 14m, "dessert forgotten after a wrong entree"), context);
        await TryOverrideAsync(dessert, waiter, "ok", approver: null);
        await TryOverrideAsync(dessert, waiter, "Guest's entree was wrong and her dessert came after everyone had finished", approver: null);
        Now(party.Arrival.AddMinutes(105));
        await TryOverrideAsync(dessert, Roster.Manager, "Came to the table and apologised: wrong entree, then a forgotten dessert for the same guest");
        await _outcomes.RecordAsync(dessert.Id, OutcomeKind.Complaint, "Guest waited for both her main and her dessert; told the host");

        // The manager also comped the coffees: no policy stands in the way of that.
        var coffees = _engine.Evaluate(new CompRequest("coffees for the table", "coffee", 45m, "apology for the slow service"), context);
        await _outcomes.RecordAsync(coffees.Id, OutcomeKind.Loss, "Ten coffees comped");
        _engine.Evaluate(new BillRequest(party.Size, 1480m, RemoveGratuity: false, SplitWays: 1), context);
    }

    // Regulars book under their own name, so it repeats; its pseudonym repeats with it.
    private static string? BookedUnder(Party party) =>
        party.Reserved ? Surnames[(party.IsRegular ? party.Customer!.Sum(c => c) : party.Number) % Surnames.Length] : null;

    private async Task ServeAsync(Party party)
    {
        Parties++;
        Guests += party.Size;
        var waiter = Roster.Waiters[party.Number % Roster.Waiters.Length];
        var context = new ServiceContext(party.Customer, Roster.Location, waiter.Id);
        var history = party.IsRegular ? await HistoryAsync(party.Customer!) : null;

        Now(party.Arrival);
        if (!await AskAsync(new SeatingRequest(party.Size, party.Arrival, party.Reserved, party.MinutesLate, BookedUnder(party)), context, waiter, null))
        {
            TurnedAway++;
            return;
        }

        var time = party.Arrival;
        foreach (var _ in Enumerable.Range(0, party.Size))
        {
            if (Chance(0.55))
            {
                var checkedId = Chance(0.25);
                var age = checkedId ? (Chance(0.1) ? _random.Next(18, 21) : _random.Next(21, 70)) : (int?)null;
                await AskAsync(new AlcoholOrder(Pick(["house red", "martini", "IPA", "champagne"]), checkedId, age), context, waiter, null);
            }
        }

        time = time.AddMinutes(_random.Next(8, 20));
        Now(time);
        await AskAsync(new KitchenOrder(party.Size * 2, time), context, waiter, null);

        if (party.Tasting && Chance(0.45))
        {
            var allergy = Chance(0.3);
            var change = allergy ? Pick(["no shellfish", "gluten-free bread", "no nuts"]) : Pick(["no mushrooms", "sauce on the side", "lamb well done", "swap the cheese course for dessert"]);
            await AskAsync(new SubstitutionRequest(Pick(["wild mushroom tart", "lamb saddle", "scallop crudo", "cheese course"]), Menu.Tasting, change, allergy), context, waiter, allergy ? null : history);
        }

        if (Chance(0.14))
        {
            var onList = Chance(0.2);
            await AskAsync(new BroughtBottle(Pick(["1998 Barolo", "Napa cabernet from home", "grower champagne", "Sancerre"]), onList, CorkageWaiverRequested: !onList || Chance(0.5)), context, waiter, history);
        }

        if (Chance(0.18))
        {
            time = time.AddMinutes(_random.Next(20, 40));
            Now(time);
            await AskAsync(new PriceQuestion("Half-dozen oysters", 18m, 21m, OysterPriceChange, "now from a certified sustainable farm, shipped in reusable crates"), context, waiter, history);
        }

        time = time.AddMinutes(_random.Next(40, 70));
        Now(time);
        if (Chance(0.10))
        {
            var large = Chance(0.15);
            var comp = large
                ? new CompRequest("mains for the table", "main", 40m * party.Size, "long wait after a kitchen alarm")
                : new CompRequest(Pick(["chocolate delice", "lemon tart", "affogato"]), "dessert", 12m, Pick(["main came out late", "wrong dish served", "dessert forgotten"]));
            await AskAsync(comp, context, waiter, history);
        }

        if (party.Occasion is not null && Chance(0.6))
        {
            await AskAsync(new OutsideCake(party.Occasion, party.Size, WaiveFee: Chance(0.7)), context, waiter, history);
        }

        if (time > new TimeOnly(22, 15) && Chance(0.5))
        {
            await AskAsync(new KitchenOrder(1, time.AddMinutes(20)), context, waiter, null);
        }

        time = time.AddMinutes(_random.Next(20, 45));
        Now(time);
        var removeGratuity = party.Size >= 8 && Chance(0.3);
        var split = party.Size >= 5 && Chance(0.4) ? party.Size : (party.Size > 1 && Chance(0.3) ? 2 : 1);
        await AskAsync(new BillRequest(party.Size, 85m * party.Size, removeGratuity, split), context, waiter, removeGratuity || split > 4 ? history : null);
    }

    /// <summary>Asks the engine; when a policy stands in the way, staff decide whether to make the exception.</summary>
    /// <returns>True when the request goes ahead (allowed, or overridden).</returns>
    private async Task<bool> AskAsync(object request, ServiceContext context, StaffMember waiter, CustomerHistory? history)
    {
        var decision = history is null ? _engine.Evaluate(request, context) : _engine.Evaluate(request, context, history);
        if (decision.IsAllowed)
        {
            if (Chance(0.02))
            {
                await _outcomes.RecordAsync(decision.Id, OutcomeKind.Compliment, "Thanked the server on the way out");
            }

            return true;
        }

        var habit = StaffHabit.ByPolicy[decision.DeterminingPolicies[0].PolicyId];
        var made = Chance(habit.OverrideChanceFor(request)) && await MakeExceptionAsync(decision, waiter, habit);
        if (made)
        {
            if (Chance(habit.ComplimentIfMade))
            {
                await _outcomes.RecordAsync(decision.Id, OutcomeKind.Compliment, "Guest thanked us for the exception");
            }
            else if (Chance(habit.LossIfMade))
            {
                await _outcomes.RecordAsync(decision.Id, OutcomeKind.Loss, "The exception cost us what the policy protects");
            }
        }
        else if (Chance(habit.ComplaintIfHeld))
        {
            await _outcomes.RecordAsync(decision.Id, OutcomeKind.Complaint, "Guest unhappy that we would not make an exception");
        }
        else if (Chance(0.2))
        {
            await _outcomes.RecordAsync(decision.Id, OutcomeKind.None, "Guest accepted the explanation");
        }

        if (history is not null && made)
        {
            _histories.Remove(history.Customer);
        }

        return made;
    }

    private async Task<bool> MakeExceptionAsync(Decision decision, StaffMember waiter, StaffHabit habit)
    {
        var justification = Pick(habit.Justifications);
        if (Chance(habit.LazyChance))
        {
            await TryOverrideAsync(decision, waiter, Pick(StaffHabit.LazyJustifications), approver: null);
        }

        var required = decision.RequiredRole;
        if (waiter.Role >= required || required == StaffRole.Nobody)
        {
            return await TryOverrideAsync(decision, waiter, justification, approver: null);
        }

        if (Chance(habit.TriesAloneChance) && await TryOverrideAsync(decision, waiter, justification, approver: null))
        {
            return true;
        }

        var approver = required switch
        {
            StaffRole.Supervisor => Roster.Supervisors[_random.Next(Roster.Supervisors.Length)],
            StaffRole.Manager => Roster.Manager,
            _ => Roster.Owner,
        };

        // Half the time whoever holds the authority comes over and makes the exception themselves.
        return Chance(0.5)
            ? await TryOverrideAsync(decision, approver, justification, approver: null)
            : await TryOverrideAsync(decision, waiter, justification, approver);
    }

    private async Task<bool> TryOverrideAsync(Decision decision, StaffMember by, string justification, StaffMember? approver = null)
    {
        try
        {
            await _overrides.OverrideAsync(decision, by, justification, approver);
            return true;
        }
        catch (OverrideRefusedException)
        {
            // The refusal is already evidence; the summary reads it from the store.
            return false;
        }
    }

    private async Task<CustomerHistory> HistoryAsync(string customer)
    {
        if (!_histories.TryGetValue(customer, out var history))
        {
            var monthStart = At(new DateOnly(Date.Year, Date.Month, 1), TimeOnly.MinValue);
            history = await CustomerHistory.LoadAsync(_store, customer, new EvidenceWindow(monthStart, monthStart.AddMonths(1)));
            _histories[customer] = history;
        }

        return history;
    }

    private List<Party> ArrivingParties()
    {
        var parties = new List<Party>
        {
            new(0, "host-okafor", 10, new TimeOnly(19, 30), Reserved: true, MinutesLate: 0, Tasting: true, Occasion: null),
        };
        var arrival = new TimeOnly(18, 0);
        var number = 1;
        while (arrival < new TimeOnly(22, 40))
        {
            var size = PickWeighted([(1, 6), (2, 40), (3, 12), (4, 20), (5, 6), (6, 6), (8, 5), (10, 3), (12, 2)]);
            var reserved = Chance(0.7);
            var customer = Chance(0.3) ? Regular(_random.Next(1, 21)) : reserved ? $"guest-{number:000}" : null;
            var late = reserved && Chance(0.12) ? _random.Next(16, 40) : 0;
            var occasion = Chance(0.12) ? Pick(["birthday", "anniversary", "graduation"]) : null;
            parties.Add(new Party(number++, customer, size, arrival, reserved, late, Tasting: Chance(0.4), occasion));
            arrival = arrival.AddMinutes(_random.Next(1, 5));
        }

        return parties.OrderBy(p => p.Arrival).ThenBy(p => p.Number).ToList();
    }

    private static string Regular(int n) => $"regular-{n:00}";

    private void Now(TimeOnly time) => _clock.Set(At(Date, time));

    private bool Chance(double probability) => _random.NextDouble() < probability;

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];

    private int PickWeighted((int Value, int Weight)[] choices)
    {
        var roll = _random.Next(choices.Sum(c => c.Weight));
        foreach (var (value, weight) in choices)
        {
            if ((roll -= weight) < 0)
            {
                return value;
            }
        }

        return choices[^1].Value;
    }
}
