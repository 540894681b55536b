using PolicyAudit.Cli;

namespace PolicyAudit.Cli.Tests;

/// <summary>A store opener that gives every run a fresh in-memory store (fast, for the mutation suite).</summary>
internal sealed class InMemoryStores : IStoreOpener
{
    public Task<IEvidenceStore> OpenAsync(string store, bool mustExist, CancellationToken cancellationToken) =>
        Task.FromResult<IEvidenceStore>(new InMemoryEvidenceStore());
}
