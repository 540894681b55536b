using Microsoft.Extensions.DependencyInjection;

namespace PolicyAudit.Sqlite.Tests;

public sealed class SqlitePolicyAuditBuilderExtensionsTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    [Fact]
    public async Task UseSqlite_Resolved_IsOneStoreOverTheFileDisposedWithTheContainer()
    {
        var path = _folder.File("audit.db");
        var services = new ServiceCollection();
        new Builder(services).UseSqlite(path);

        IEvidenceStore store;
        await using (var provider = services.BuildServiceProvider())
        {
            store = provider.GetRequiredService<IEvidenceStore>();
            Assert.Same(store, provider.GetRequiredService<IEvidenceStore>());
            await store.AppendAsync([new OutcomeRecord { Id = "o", At = DateTimeOffset.UnixEpoch, DecisionId = "d", Outcome = OutcomeKind.None }], AppendDurability.Durable);
        }

        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.GetHeadAsync());
        await using var reopened = await SqliteEvidence.OpenAsync(path);
        Assert.Equal(1, (await reopened.GetHeadAsync())!.Sequence);
    }

    [Fact]
    public void UseSqlite_SynchronousContainerDispose_DisposesTheStore()
    {
        var services = new ServiceCollection();
        new Builder(services).UseSqlite(_folder.File("audit.db"));
        var provider = services.BuildServiceProvider();
        var store = provider.GetRequiredService<IEvidenceStore>();

        provider.Dispose();

        Assert.Throws<ObjectDisposedException>(() => store.GetHeadAsync().GetAwaiter().GetResult());
    }

    [Fact]
    public void UseSqlite_AfterAnotherStore_ReplacesIt()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IEvidenceStore, InMemoryEvidenceStore>();

        new Builder(services).UseSqlite(_folder.File("audit.db"));

        Assert.Single(services, d => d.ServiceType == typeof(IEvidenceStore));
    }

    [Fact]
    public void UseSqlite_NoFileUntilResolved_OpensOnFirstUse()
    {
        var path = _folder.File("lazy.db");
        var services = new ServiceCollection();

        new Builder(services).UseSqlite(path);

        Assert.False(File.Exists(path));
    }

    public void Dispose() => _folder.Dispose();

    private sealed class Builder(IServiceCollection services) : IPolicyAuditBuilder
    {
        public IServiceCollection Services { get; } = services;
    }
}
