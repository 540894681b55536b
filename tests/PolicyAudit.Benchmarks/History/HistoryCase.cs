namespace PolicyAudit.Benchmarks.History;

/// <summary>What both History classes look up, and the check that the scan and the index agree before timing them.</summary>
internal static class HistoryCase
{
    /// <summary>One of the 20,000 guests of the generated evidence (<see cref="Report.EvidenceFile"/>).</summary>
    public const string Guest = "guest-4242";

    /// <summary>Every record of the guest: the whole three years, the window the scan pays most for and the index least.</summary>
    public static EvidenceWindow Window => EvidenceWindow.All;

    public static async Task CheckAgreementAsync(IEvidenceStore store, int events, string storeName)
    {
        var scanned = await ChainScanHistory.LoadAsync(store, Guest, Window);
        var indexed = await CustomerHistory.LoadAsync(store, Guest, Window);
        if (scanned.ToString() != indexed.ToString())
        {
            throw new InvalidOperationException($"The scan and the index disagree on {Guest}: '{scanned}' vs '{indexed}'.");
        }

        var records = 0;
        await foreach (var _ in store.ReadCustomerAsync(Guest, Window))
        {
            records++;
        }

        Console.WriteLine($"// {storeName}, {events:N0} events: {Guest} has {records} records ({indexed})");
    }
}
