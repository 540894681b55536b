using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace PolicyAudit.Tests.Overrides;

public sealed class OverrideDurabilityTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("policyaudit-durability-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task OverrideAsync_Receipt_MeansTheOverrideIsThereAfterReopening()
    {
        var path = Path.Combine(_directory, "audit.db");
        var services = new ServiceCollection();
        services.AddPolicyAudit(o => o.AddPolicy<CorkageFee>().UseTimeProvider(new FakeTimeProvider(TestDecisions.Evening))).UseSqlite(path);
        await using var provider = services.BuildServiceProvider();
        var decision = provider.GetRequiredService<IPolicyEngine>().Evaluate(new Bottle("1998 Barolo"), new ServiceContext("guest-1", "harbour-street"));

        var receipt = await provider.GetRequiredService<IOverrideRecorder>().OverrideAsync(decision, new StaffMember("s-2", StaffRole.Supervisor), "Anniversary bottle from their wedding year");

        // Opened beside the running application, which has neither flushed nor closed anything: only what the
        // receipt promised is relied on.
        await using var reopened = await SqliteEvidence.OpenAsync(path);
        var stored = Assert.Single(await reopened.ReadAllAsync(), s => s.Record is OverrideRecord);
        var record = (OverrideRecord)stored.Record;
        var verification = await reopened.VerifyAsync(new ChainCheckpoint(receipt.Sequence, receipt.Hash));
        Assert.Equal(receipt.OverrideId, record.Id);
        Assert.Equal(receipt.Sequence, stored.Sequence);
        Assert.Equal(receipt.Hash, stored.Hash);
        Assert.Equal("Anniversary bottle from their wedding year", record.Justification);
        Assert.Equal("Corkage applies to 1998 Barolo", Assert.Single(record.Decision.Policies).Reason);
        Assert.Equal(decision.FactsDigest, record.Decision.FactsDigest);
        Assert.Equal("guest-1", record.Decision.Customer);
        Assert.True(verification.IsValid, verification.ToString());
    }

    public sealed record Bottle(string Wine);

    [Policy("corkage-fee", OverridableBy = StaffRole.Supervisor)]
    public sealed class CorkageFee : Policy
    {
        public override void Define()
        {
            Bottle bottle = null!;
            When().Match(() => bottle);
            Then().Deny(() => "Corkage applies to " + bottle.Wine);
        }
    }
}
