namespace PolicyAudit.Tests.Shared;

/// <summary>The contract, plus what only a store that outlives its process promises: records survive a reopen.</summary>
public abstract class DurableEvidenceStoreContractTests : EvidenceStoreContractTests
{
    /// <summary>Opens a new store instance over the storage of the store created last.</summary>
    protected abstract Task<IEvidenceStore> ReopenAsync();

    [StoreFact]
    public async Task AppendAsync_ThenReopen_RecordsAndChainSurvive()
    {
        var at = new DateTimeOffset(2026, 3, 14, 12, 0, 0, TimeSpan.Zero);
        IReadOnlyList<ChainCheckpoint> links;
        await using (var store = await CreateStoreAsync())
        {
            links = await store.AppendAsync(Samples.EveryKind(at), AppendDurability.Durable);
            await store.AppendAsync([Samples.Decision("batched", at)], AppendDurability.Batched);
        }

        await using var reopened = await ReopenAsync();
        var read = await ReadAllAsync(reopened);
        var more = await reopened.AppendAsync([Samples.Outcome("after-reopen", at)], AppendDurability.Durable);
        var verification = await reopened.VerifyAsync(links[^1]);

        Assert.Equal(Samples.EveryKind(at).Append(Samples.Decision("batched", at)).Select(Samples.Describe), read.Select(r => Samples.Describe(r.Record)));
        Assert.Equal(links.Count + 2, more[0].Sequence);
        Assert.True(verification.IsValid, verification.ToString());
    }
}
