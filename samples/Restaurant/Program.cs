using Microsoft.Extensions.DependencyInjection;
using PolicyAudit;
using Restaurant;
using Restaurant.Policies;
using Restaurant.Revisions;
using Restaurant.Simulation;

// The dinner-party story, end to end: policies decide, staff override, guests react, and every step lands in the
// evidence store, which is then read back, verified and summarised.
var path = Path.GetFullPath(args.Length > 0 ? args[0] : "restaurant-audit.db");
foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" })
{
    File.Delete(file); // a rerun starts from an empty store, so its figures are the evening's alone
}

var clock = new SimulatedClock(Evening.At(new DateOnly(2026, 11, 6), new TimeOnly(18, 0)));
var services = new ServiceCollection();
// Decisions keep their facts; the name a table is booked under is personal data ([Redact] on SeatingRequest), so the
// evidence keeps an HMAC pseudonym of it. A real app loads 32 random bytes from its secret store; the sample derives
// a fixed key so its output is the same on every run.
var pseudonymKey = System.Security.Cryptography.SHA256.HashData("Harbour Street sample key, not a secret"u8);
services.AddPolicyAudit(o => o
        .AddRunningPolicies()
        .UseTimeProvider(clock)
        .PseudonymKey(pseudonymKey))
    .UseSqlite(path);

await using (var provider = services.BuildServiceProvider())
{
    var engine = provider.GetRequiredService<IPolicyEngine>();
    var store = provider.GetRequiredService<IEvidenceStore>();
    var evening = new Evening(
        engine,
        provider.GetRequiredService<IOverrideRecorder>(),
        provider.GetRequiredService<IOutcomeRecorder>(),
        store,
        clock,
        seed: 20261121);

    Console.WriteLine($"Harbour Street, Saturday {Evening.Date:d MMMM yyyy}: {engine.Policies.Count} policies, set version {engine.PolicySetVersion}");
    await evening.PreludeAsync();
    await evening.RunAsync();
    await provider.GetRequiredService<IDecisionLog>().FlushAsync();
    Console.WriteLine($"{evening.Parties} parties, {evening.Guests} guests, {evening.TurnedAway} parties turned away.");

    var verification = await store.VerifyAsync();
    var summary = await EveningSummary.ReadAsync(store);
    summary.Print(Console.Out, engine, verification, path);
    Console.WriteLine();
    Console.WriteLine("What a decision keeps of its facts (the booking name masked):");
    Console.WriteLine($"  {summary.FirstBookedSeatingFacts}");

    // Whoever serves a guest next should know what happened before: the history comes from the evidence, read
    // through the store's customer index (CustomerHistory.LoadAsync), so a look-up does not read the evening.
    var month = new EvidenceWindow(Evening.At(new DateOnly(2026, 11, 1), TimeOnly.MinValue), Evening.At(new DateOnly(2026, 12, 1), TimeOnly.MinValue));
    Console.WriteLine();
    Console.WriteLine("What the next server will know:");
    foreach (var customer in new[] { "host-okafor", "regular-01", "regular-02" })
    {
        Console.WriteLine($"  {await CustomerHistory.LoadAsync(store, customer, month)}");
    }

    // The review turns the evening's evidence into a verdict per policy (keep, rescind, delegate, coach, enforce)
    // for the people who own them; the HTML report is what they open.
    // One evening is little evidence: the default bars are 20 denials and 10 overrides per policy, this demo asks for
    // 5 of each so that the verdicts show. A real review runs over weeks with the defaults (policyaudit report).
    var reviewOptions = new ReviewOptions { MinimumDenials = 5, MinimumOverrides = 5 };
    var review = await EvidenceReview.RunAsync(store, EvidenceWindow.All, reviewOptions);
    Console.WriteLine();
    Console.WriteLine($"Policy review (at least {reviewOptions.MinimumDenials} denials for a verdict, {reviewOptions.MinimumOverrides} overrides for a pattern), most in need of action first:");
    VerdictTable.Write(review, Console.Out);
    var reportPath = Path.Combine(Path.GetDirectoryName(path)!, "override-report.html");
    ReportRenderers.WriteFile(review, ReportFormat.Html, reportPath);
    Console.WriteLine($"Report: {reportPath}");

    // What to change: where the stored facts separate the denials staff overrode from the ones that stood.
    Console.WriteLine();
    Console.WriteLine("Suggested changes, from the decisions' stored facts:");
    var suggested = review.Policies.Where(p => p.Suggestion is not null).ToArray();
    foreach (var policy in suggested)
    {
        Console.WriteLine($"  {policy.Id} ({VerdictNames.Of(policy.Verdict)}): {policy.Suggestion!.Condition}  [{policy.Suggestion.Support}]");
        Console.WriteLine($"    {policy.Suggestion.Exception}");
        Console.WriteLine($"    Why staff said they overrode it: {string.Join("; ", policy.JustificationGroups.Select(g => $"{g.Word} ({g.Count})"))}");
    }

    if (suggested.Length == 0)
    {
        Console.WriteLine("  none: no policy's overrides are separated from its upheld denials by one fact.");
    }

    // The owner of a policy with a suggestion gets a packet of their own.
    if (suggested.FirstOrDefault()?.Owner is { } owner)
    {
        var packetPath = Path.Combine(Path.GetDirectoryName(path)!, owner + "-packet.html");
        ReportRenderers.WriteFile(review.ForOwner(owner), ReportFormat.Html, packetPath);
        Console.WriteLine($"Packet for {owner}: {packetPath}");
    }

    // The head chef takes the suggestion and proposes to seat couples after 22:00. Before it ships, replay the evening's
    // decisions against the policy set with that one policy revised: what it would have allowed, and at what risk.
    var candidate = ReplayCandidate.FromTypes(RunningPolicies.Types.Where(t => t != typeof(NoSeatingAfterTen)).Append(typeof(NoSeatingAfterTenUnlessCouple)));
    var replay = await EvidenceReplay.RunAsync(store, EvidenceWindow.All, candidate, policyId: "no-seating-after-2200");
    var seating = replay.Policies.Single();
    Console.WriteLine();
    Console.WriteLine($"Replay of the revised '{seating.Id}' (couples still seated after 22:00) on {replay.Decisions} recorded decisions:");
    Console.WriteLine($"  {seating.Figures.Replayed} late seatings replayed, {seating.Figures.Unchanged} unchanged, changed: {string.Join(", ", seating.Figures.Changed.Select(c => $"{c.From} -> {c.To} {c.Count}"))}");
    Console.WriteLine($"  overridden tonight and now allowed (the exception becomes the rule): {seating.Figures.OverriddenNowAllowed}");
    Console.WriteLine($"  upheld tonight and now allowed (new risk): {seating.Figures.UpheldNowAllowed}");
    Console.WriteLine($"  now allowed, with a complaint or loss on record: {seating.Figures.HarmfulNowAllowed}");
    Console.WriteLine($"  not replayed: {(seating.Figures.NotReplayed.Count == 0 ? "none" : string.Join(", ", seating.Figures.NotReplayed.Select(g => $"{g.Gap} {g.Count}")))}");

    if (!verification.IsValid)
    {
        return 1;
    }
}

return 0;
