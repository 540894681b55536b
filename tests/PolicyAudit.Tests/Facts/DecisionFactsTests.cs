using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace PolicyAudit.Tests.Facts;

public sealed class DecisionFactsTests
{
    private static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    [Fact]
    public async Task Evaluate_RedactAttributeWithKey_StoresAPseudonymEqualForEqualValues()
    {
        var (first, second) = await EvaluateTwiceAsync(o => o.PseudonymKey(Key), new Guest("g-1", "ana@example.com", "+44 7700 900123", 3), new Guest("g-2", "ana@example.com", "+44 7700 900999", 1));

        var one = Assert.Single(first.Items);
        var two = Assert.Single(second.Items);
        Assert.Equal(typeof(Guest).FullName, one.Type);
        Assert.DoesNotContain("ana@example.com", first.Json, StringComparison.Ordinal);
        Assert.StartsWith("hmac:", one.Value!.Value.GetProperty("Email").GetString(), StringComparison.Ordinal);
        Assert.Equal(one.Value.Value.GetProperty("Email").GetString(), two.Value!.Value.GetProperty("Email").GetString());
        Assert.Equal(["Email", "Phone"], one.Masked);
    }

    [Fact]
    public async Task Evaluate_RedactDropWithKey_LeavesThePropertyOut()
    {
        var (facts, _) = await EvaluateTwiceAsync(o => o.PseudonymKey(Key), new Guest("g-1", "ana@example.com", "+44 7700 900123", 3), new Guest("g-2", "b@example.com", "1", 1));

        var value = Assert.Single(facts.Items).Value!.Value;
        Assert.False(value.TryGetProperty("Phone", out _));
        Assert.DoesNotContain("7700", facts.Json, StringComparison.Ordinal);
        Assert.Equal(3, value.GetProperty("Visits").GetInt32());
    }

    [Fact]
    public async Task Evaluate_NoPseudonymKey_DropsRedactedValuesInsteadOfStoringThem()
    {
        var (facts, _) = await EvaluateTwiceAsync(_ => { }, new Guest("g-1", "ana@example.com", "+44 7700 900123", 3), new Guest("g-2", "b@example.com", "1", 1));

        var fact = Assert.Single(facts.Items);
        Assert.False(fact.Value!.Value.TryGetProperty("Email", out _));
        Assert.DoesNotContain("ana@example.com", facts.Json, StringComparison.Ordinal);
        Assert.Equal(["Email", "Phone"], fact.Masked);
    }

    [Fact]
    public async Task Evaluate_RedactConfiguredInOptions_MasksAPropertyWithoutTheAttribute()
    {
        var (facts, _) = await EvaluateTwiceAsync(
            o => o.PseudonymKey(Key).Redact<Booking>(b => b.Name).Redact<Booking>(b => b.Seats, Redaction.Drop),
            new Booking("Ana Lima", 4, new Contact("+44 7700 900123", "harbour")),
            new Booking("B", 2, new Contact("1", "x")));

        var fact = Assert.Single(facts.Items);
        Assert.DoesNotContain("Ana Lima", facts.Json, StringComparison.Ordinal);
        Assert.DoesNotContain("900123", facts.Json, StringComparison.Ordinal);
        Assert.StartsWith("hmac:", fact.Value!.Value.GetProperty("Name").GetString(), StringComparison.Ordinal);
        Assert.False(fact.Value.Value.TryGetProperty("Seats", out _));
        Assert.Equal("harbour", fact.Value.Value.GetProperty("Contact").GetProperty("Area").GetString());
        Assert.Equal(["Contact.Phone", "Name", "Seats"], fact.Masked.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Evaluate_Facts_StoresCanonicalJsonWhoseDigestIsTheRecordsDigest()
    {
        var store = new InMemoryEvidenceStore();
        await using (var provider = Build(_ => { }, store))
        {
            provider.GetRequiredService<IPolicyEngine>().Evaluate(new Table(Seats: 4, Area: "terrace"), new ServiceContext("guest-1", "harbour-street", "w-1"));
            await provider.GetRequiredService<IDecisionLog>().FlushAsync();
        }

        var record = (await store.ReadAllAsync()).Select(s => s.Record).OfType<DecisionRecord>().Single();
        Assert.Equal("[{\"type\":\"PolicyAudit.Tests.Facts.DecisionFactsTests+Table\",\"value\":{\"Area\":\"terrace\",\"Seats\":4}}]", record.Facts!.Json);
        Assert.Equal(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(record.Facts.Json))).ToLowerInvariant(), record.FactsDigest);
        Assert.True((await store.VerifyAsync()).IsValid);
    }

    [Fact]
    public async Task Evaluate_FactsOverTheLimit_StoresThemCutAndMarkedAndStillDecides()
    {
        var store = new InMemoryEvidenceStore();
        Decision decision;
        await using (var provider = Build(o => o.LimitFactsTo(1024), store))
        {
            decision = provider.GetRequiredService<IPolicyEngine>().Evaluate(new Note(new string('x', 2000)), new Table(2, "bar"));
            await provider.GetRequiredService<IDecisionLog>().FlushAsync();
        }

        var facts = (await store.ReadAllAsync()).Select(s => s.Record).OfType<DecisionRecord>().Single().Facts!;
        Assert.Equal(DecisionOutcome.Deny, decision.Outcome);
        Assert.True(facts.IsCut);
        Assert.Equal("too-large", facts.Items[0].Omitted);
        Assert.Null(facts.Items[0].Value);
        Assert.Null(facts.Items[1].Omitted);
        Assert.True(Encoding.UTF8.GetByteCount(facts.Json) <= 1024);
        Assert.Equal(facts.Digest, decision.FactsDigest);
    }

    [Fact]
    public async Task Evaluate_FactWhoseGetterThrows_ListsItAsNotSerializableAndStillDecides()
    {
        var store = new InMemoryEvidenceStore();
        await using (var provider = Build(_ => { }, store))
        {
            provider.GetRequiredService<IPolicyEngine>().Evaluate(new Table(2, "bar"), new Fragile());
            await provider.GetRequiredService<IDecisionLog>().FlushAsync();
        }

        var facts = (await store.ReadAllAsync()).Select(s => s.Record).OfType<DecisionRecord>().Single().Facts!;
        Assert.Equal([null, "not-serializable"], facts.Items.Select(i => i.Omitted));
        Assert.Equal(typeof(Fragile).FullName, facts.Items[1].Type);
    }

    [Fact]
    public async Task Evaluate_StoreNoFacts_KeepsOnlyTheDigest()
    {
        var store = new InMemoryEvidenceStore();
        Decision decision;
        await using (var provider = Build(o => o.StoreNoFacts(), store))
        {
            decision = provider.GetRequiredService<IPolicyEngine>().Evaluate(new Table(2, "bar"));
            await provider.GetRequiredService<IDecisionLog>().FlushAsync();
        }

        var record = (await store.ReadAllAsync()).Select(s => s.Record).OfType<DecisionRecord>().Single();
        Assert.Null(record.Facts);
        Assert.Equal(decision.FactsDigest, record.FactsDigest);
        Assert.Equal(64, record.FactsDigest!.Length);
    }

    [Fact]
    public void Redact_NotADirectProperty_ThrowsNamingTheFix()
    {
        var error = Assert.Throws<ArgumentException>("property", () => new PolicyAuditOptions().Redact<Booking>(b => b.Contact.Phone));

        Assert.Contains("redact it on that object's class", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PseudonymKey_ShorterThan32Bytes_Throws()
    {
        Assert.Throws<ArgumentException>("key", () => new PolicyAuditOptions().PseudonymKey(new byte[16]));
        Assert.Throws<ArgumentOutOfRangeException>("bytes", () => new PolicyAuditOptions().LimitFactsTo(100));
    }

    [Fact]
    public void Parse_NotAnArrayOfEntries_ThrowsFormatException()
    {
        Assert.Throws<FormatException>(() => DecisionFacts.Parse("{\"type\":\"x\"}"));
        Assert.Throws<FormatException>(() => DecisionFacts.Parse("[{\"type\":\"x\"}]"));
        Assert.Throws<FormatException>(() => DecisionFacts.Parse("[{\"type\":\"x\",\"value\":{},\"extra\":1}]"));
        Assert.Equal("x", Assert.Single(DecisionFacts.Parse("[{\"type\":\"x\",\"value\":{}}]").Items).Type);
    }

    private static async Task<(DecisionFacts First, DecisionFacts Second)> EvaluateTwiceAsync(Action<PolicyAuditOptions> configure, object first, object second)
    {
        var store = new InMemoryEvidenceStore();
        await using (var provider = Build(configure, store))
        {
            var engine = provider.GetRequiredService<IPolicyEngine>();
            engine.Evaluate(first);
            engine.Evaluate(second);
            await provider.GetRequiredService<IDecisionLog>().FlushAsync();
        }

        var facts = (await store.ReadAllAsync()).Select(s => s.Record).OfType<DecisionRecord>().Select(d => d.Facts!).ToArray();
        Assert.True((await store.VerifyAsync()).IsValid);
        return (facts[0], facts[1]);
    }

    private static ServiceProvider Build(Action<PolicyAuditOptions> configure, InMemoryEvidenceStore store)
    {
        var services = new ServiceCollection();
        services.AddPolicyAudit(o =>
        {
            o.AddPolicy<NotesAreRefused>().UseTimeProvider(new FakeTimeProvider(TestDecisions.Evening));
            configure(o);
        }).UseInMemoryStore(store);
        return services.BuildServiceProvider();
    }

    public sealed record Guest(string Id, [property: Redact] string Email, [property: Redact(Redaction.Drop)] string Phone, int Visits);

    public sealed record Contact([property: Redact] string Phone, string Area);

    public sealed record Booking(string Name, int Seats, Contact Contact);

    public sealed record Table(int Seats, string Area);

    public sealed record Note(string Text);

    public sealed class Fragile
    {
        public string Value => throw new InvalidOperationException("not loaded");
    }

    [Policy("notes-are-refused", OverridableBy = StaffRole.Supervisor)]
    public sealed class NotesAreRefused : Policy
    {
        public override void Define()
        {
            Note note = null!;
            When().Match(() => note);
            Then().Deny("Notes are refused");
        }
    }
}
