namespace PolicyAudit.Reliability.Tests;

/// <summary>Checks a store against what was acknowledged to its writers.</summary>
internal static class ChainAssertions
{
    /// <summary>
    /// Asserts the chain verifies, every acknowledged override is stored exactly where its receipt says (same
    /// sequence, same hash), no override is stored twice, and returns the stored overrides' ids.
    /// </summary>
    public static async Task<IReadOnlyList<string>> AcknowledgedAreStoredAsync(IEvidenceStore store, IReadOnlyCollection<AppenderProcess.Receipt> receipts, string context)
    {
        var verification = await store.VerifyAsync();
        Assert.True(verification.IsValid, $"{context}: {verification}");

        var ids = receipts.Select(r => r.OverrideId).ToArray();
        var found = await store.FindExistingAsync(EvidenceKind.Override, ids);
        var lost = ids.Where(id => !found.Contains(id)).ToArray();
        Assert.True(lost.Length == 0, $"{context}: {lost.Length} acknowledged override(s) lost, e.g. {string.Join(", ", lost.Take(5))}");

        var chain = new Dictionary<long, StoredEvidence>();
        var overrides = new List<string>();
        await foreach (var stored in store.ReadAsync(EvidenceWindow.All))
        {
            chain.Add(stored.Sequence, stored);
            if (stored.Record is OverrideRecord)
            {
                overrides.Add(stored.Record.Id);
            }
        }

        foreach (var receipt in receipts)
        {
            Assert.True(chain.TryGetValue(receipt.Sequence, out var stored), $"{context}: receipt {receipt} names a sequence the chain does not hold");
            Assert.True(stored.Record.Id == receipt.OverrideId && stored.Hash == receipt.Hash, $"{context}: receipt {receipt} but the chain holds {stored.Record.Id} {stored.Hash} there");
        }

        var duplicates = overrides.GroupBy(id => id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
        Assert.True(duplicates.Length == 0, $"{context}: overrides stored twice: {string.Join(", ", duplicates.Take(5))}");
        Assert.Equal(verification.RecordsChecked, chain.Count);
        return overrides;
    }
}
