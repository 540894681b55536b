using PolicyAudit.Tests.Shared;

namespace PolicyAudit.Tests.Evidence;

/// <summary>The shared store contract, run against the in-memory reference store.</summary>
public sealed class InMemoryEvidenceStoreContractTests : EvidenceStoreContractTests
{
    protected override Task<IEvidenceStore> CreateStoreAsync() => Task.FromResult<IEvidenceStore>(new InMemoryEvidenceStore());

    protected override Task TamperWithPayloadAsync(IEvidenceStore store, long sequence, Func<string, string> change)
    {
        ((InMemoryEvidenceStore)store).TamperWith(sequence, row => row with { Payload = change(row.Payload) });
        return Task.CompletedTask;
    }

    protected override Task DeleteRecordAsync(IEvidenceStore store, long sequence)
    {
        ((InMemoryEvidenceStore)store).RemoveForTest(sequence);
        return Task.CompletedTask;
    }

    protected override Task TamperWithCustomerColumnAsync(IEvidenceStore store, long sequence, string customer)
    {
        ((InMemoryEvidenceStore)store).TamperWith(sequence, row => row with { Query = row.Query with { Customer = customer } });
        return Task.CompletedTask;
    }

    protected override Task SwapPayloadsAsync(IEvidenceStore store, long first, long second)
    {
        var memory = (InMemoryEvidenceStore)store;
        string? firstPayload = null;
        string? secondPayload = null;
        memory.TamperWith(first, row => row with { Payload = firstPayload = row.Payload });
        memory.TamperWith(second, row =>
        {
            secondPayload = row.Payload;
            return row with { Payload = firstPayload! };
        });
        memory.TamperWith(first, row => row with { Payload = secondPayload! });
        return Task.CompletedTask;
    }
}
