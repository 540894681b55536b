using Microsoft.Extensions.DependencyInjection;
using PolicyAudit.Tests.Shared;

namespace PolicyAudit.Reliability.Tests;

[Trait("Category", "Reliability")]
[Collection(PostgresCollection.Name)]
public sealed class StoreDownTests(PostgresServer server, ITestOutputHelper output)
{
    /// <summary>Decisions made while the server is down, besides the one whose override fails.</summary>
    private const int DecisionsWhileDown = 25;

    [PostgresFact]
    public async Task OverrideAsync_PostgreSqlServerStoppedMidRun_ThrowsWithoutReceiptCountsLostDecisionsAndRecoversWhenBack()
    {
        var connectionString = await server.CreateDatabaseAsync("down");
        var services = new ServiceCollection();
        // Two quick retries: this outage outlasts them, so the batches are dropped and counted.
        services.AddPolicyAudit(o => o.AddPolicy<CorkageFee>().DecisionRetry(2, TimeSpan.FromMilliseconds(20))).UsePostgreSql(connectionString);
        await using var provider = services.BuildServiceProvider();
        var engine = provider.GetRequiredService<IPolicyEngine>();
        var overrides = provider.GetRequiredService<IOverrideRecorder>();
        var decisions = provider.GetRequiredService<IDecisionLog>();
        var waiter = new StaffMember("waiter-7", StaffRole.Staff);
        var manager = new StaffMember("manager-2", StaffRole.Manager);
        Decision Decide(int table) => engine.Evaluate(new BroughtBottle(FromOutside: true), new ServiceContext($"guest-{table}", "dining-room", waiter.Id));

        var before = await overrides.OverrideAsync(Decide(1), waiter, "Anniversary of a regular guest; the bottle was our gift.", manager);
        await decisions.FlushAsync();
        Assert.Equal(0, decisions.DroppedCount);

        await server.StopAsync();
        OverrideReceipt? receipt = null;
        var down = await Record.ExceptionAsync(async () => receipt = await overrides.OverrideAsync(Decide(2), waiter, "Wedding party; the couple's own vintage.", manager));
        for (var table = 3; table < 3 + DecisionsWhileDown; table++)
        {
            Decide(table);
        }

        await decisions.FlushAsync();
        var droppedWhileDown = decisions.DroppedCount;

        await server.StartAsync();
        var after = await overrides.OverrideAsync(Decide(100), waiter, "Regular guest's birthday; approved at the table.", manager);
        Decide(101);
        await decisions.FlushAsync();

        Assert.NotNull(down);
        Assert.IsNotType<OverrideRefusedException>(down);
        Assert.Null(receipt);

        // A batch still refused after its retries is counted as dropped, and the count is written once the store
        // takes appends again.
        Assert.Equal(DecisionsWhileDown + 1, droppedWhileDown);
        await using var store = await PostgreSqlEvidence.OpenAsync(connectionString);
        var verification = await store.VerifyAsync();
        Assert.True(verification.IsValid, verification.ToString());
        var records = new List<EvidenceRecord>();
        await foreach (var stored in store.ReadAsync(EvidenceWindow.All))
        {
            records.Add(stored.Record);
        }

        Assert.Equal([before.OverrideId, after.OverrideId], records.OfType<OverrideRecord>().Select(o => o.Id));
        Assert.Equal(DecisionsWhileDown + 1, records.OfType<DroppedDecisionsRecord>().Sum(d => d.Count));
        Assert.Equal(3, records.OfType<DecisionRecord>().Count());
        output.WriteLine($"while down: {down!.GetType().Name}: {down.Message}; {droppedWhileDown} decisions dropped and counted; {verification}");
    }

    [PostgresFact]
    public async Task FlushAsync_PostgreSqlServerBackWithinTheBackoff_RetriesTheBatchAndDropsNothing()
    {
        var connectionString = await server.CreateDatabaseAsync("blip");
        var services = new ServiceCollection();
        // Ten retries from 100 ms, doubling: far longer than the server needs to come back.
        services.AddPolicyAudit(o => o.AddPolicy<CorkageFee>().DecisionRetry(10, TimeSpan.FromMilliseconds(100))).UsePostgreSql(connectionString);
        await using var provider = services.BuildServiceProvider();
        var engine = provider.GetRequiredService<IPolicyEngine>();
        var decisions = provider.GetRequiredService<IDecisionLog>();
        Decision Decide(int table) => engine.Evaluate(new BroughtBottle(FromOutside: true), new ServiceContext($"guest-{table}", "terrace", "waiter-3"));
        Decide(0);
        await decisions.FlushAsync();

        await server.StopAsync();
        var madeWhileDown = Enumerable.Range(1, 10).Select(table => Decide(table).Id).ToList();
        var flush = decisions.FlushAsync();
        await Task.Delay(300); // let the first attempts fail; the outcome below holds whenever the server returns
        await server.StartAsync();
        await flush;

        Assert.Equal(0, decisions.DroppedCount);
        await using var store = await PostgreSqlEvidence.OpenAsync(connectionString);
        var stored = await store.FindExistingAsync(EvidenceKind.Decision, madeWhileDown);
        Assert.Equal(madeWhileDown.Count, stored.Count);
        Assert.True((await store.VerifyAsync()).IsValid);
    }

    /// <summary>A bottle brought in.</summary>
    public sealed record BroughtBottle(bool FromOutside);

    /// <summary>Waiving corkage needs a manager.</summary>
    [Policy("corkage-fee", Title = "Corkage fee", Owner = "sommelier", OverridableBy = StaffRole.Manager, Rationale = "Corkage pays for glassware and service.")]
    public sealed class CorkageFee : Policy
    {
        public override void Define()
        {
            BroughtBottle bottle = null!;
            When().Match(() => bottle, b => b.FromOutside);
            Then().RequireApproval("Corkage fee for a bottle brought in");
        }
    }
}
