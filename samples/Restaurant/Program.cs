using Microsoft.Extensions.DependencyInjection;
using PolicyAudit;
using Restaurant;
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
services.AddPolicyAudit(o => o
        .AddPoliciesFrom(typeof(Evening).Assembly)
        .UseTimeProvider(clock))
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

    // Whoever serves a guest next should know what happened before: the history comes from the evidence.
    var month = new EvidenceWindow(Evening.At(new DateOnly(2026, 11, 1), TimeOnly.MinValue), Evening.At(new DateOnly(2026, 12, 1), TimeOnly.MinValue));
    Console.WriteLine();
    Console.WriteLine("What the next server will know:");
    foreach (var customer in new[] { "host-okafor", "regular-01", "regular-02" })
    {
        Console.WriteLine($"  {await CustomerHistory.LoadAsync(store, customer, month)}");
    }

    // The policy review (a verdict per policy: keep, rescind, move the authority) and override-report.html come
    // with the report issue; they read the same store, here.
    if (!verification.IsValid)
    {
        return 1;
    }
}

return 0;
