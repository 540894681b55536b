namespace PolicyAudit.Sqlite.Tests.Compatibility;

/// <summary>A store written before decisions kept facts and per-policy outcomes still opens, verifies, reads and grows.</summary>
public sealed class Schema1StoreTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    [Fact]
    public async Task OpenAsync_StoreWrittenBeforeFacts_VerifiesAndReadsOldDecisionRecords()
    {
        await using var store = await SqliteEvidence.OpenAsync(CopyOfFixture());

        var verification = await store.VerifyAsync();
        var decisions = await DecisionsAsync(store);

        Assert.True(verification.IsValid, verification.Problem);
        Assert.Equal(8, verification.RecordsChecked);
        Assert.Equal(3, decisions.Length);
        Assert.All(decisions, d => Assert.Null(d.Facts));
        Assert.All(decisions, d => Assert.Null(d.PolicyOutcomes));
        Assert.All(decisions, d => Assert.Equal(64, d.FactsDigest!.Length));
        Assert.Equal(["corkage-fee", "large-parties"], decisions[0].Policies);
    }

    [Fact]
    public async Task RunAsync_StoreWrittenBeforeFacts_CountsOldDecisionsForEveryListedPolicy()
    {
        await using var store = await SqliteEvidence.OpenAsync(CopyOfFixture());

        var review = await EvidenceReview.RunAsync(store, EvidenceWindow.All);

        // The old record cannot say that large-parties only required approval: the decision's Deny counts for both.
        Assert.Equal(1, review.Policies.Single(p => p.Id == "corkage-fee").Denials);
        Assert.Equal(1, review.Policies.Single(p => p.Id == "large-parties").Denials);
        Assert.Equal(1, review.Policies.Single(p => p.Id == "corkage-fee").Overrides);
        Assert.Equal(0, review.Policies.Single(p => p.Id == "large-parties").Overrides);
    }

    [Fact]
    public async Task AppendAsync_NewDecisionOnAStoreWrittenBeforeFacts_KeepsTheChainValidAndReadsBothForms()
    {
        var path = CopyOfFixture();
        var facts = DecisionFacts.Parse("[{\"type\":\"Schema1.Bottle\",\"value\":{\"WaiverRequested\":true,\"Wine\":\"Barolo 2016\"}}]");
        await using (var store = await SqliteEvidence.OpenAsync(path))
        {
            await store.AppendAsync(
                [new DecisionRecord
                {
                    Id = "new-decision",
                    At = new DateTimeOffset(2026, 11, 7, 19, 0, 0, TimeSpan.Zero),
                    Outcome = DecisionOutcome.Deny,
                    Policies = ["corkage-fee", "large-parties"],
                    PolicyOutcomes = [DecisionOutcome.Deny, DecisionOutcome.RequireApproval],
                    FactsDigest = facts.Digest,
                    Facts = facts,
                }],
                AppendDurability.Durable);
        }

        await using var reopened = await SqliteEvidence.OpenAsync(path);
        var verification = await reopened.VerifyAsync();
        var decisions = await DecisionsAsync(reopened);

        Assert.True(verification.IsValid, verification.Problem);
        Assert.Equal(9, verification.RecordsChecked);
        Assert.Null(decisions[0].Facts);
        Assert.Equal(facts, decisions[3].Facts);
        Assert.Equal(DecisionOutcome.RequireApproval, decisions[3].OutcomeOf("large-parties"));
        Assert.Equal(DecisionOutcome.Deny, decisions[0].OutcomeOf("large-parties"));
    }

    public void Dispose() => _folder.Dispose();

    private string CopyOfFixture()
    {
        var path = _folder.File("schema1.db");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Compatibility", "schema1-store.db"), path);
        return path;
    }

    private static async Task<DecisionRecord[]> DecisionsAsync(IEvidenceStore store)
    {
        var decisions = new List<DecisionRecord>();
        await foreach (var stored in store.ReadAsync(EvidenceWindow.All))
        {
            if (stored.Record is DecisionRecord decision)
            {
                decisions.Add(decision);
            }
        }

        return [.. decisions];
    }
}
