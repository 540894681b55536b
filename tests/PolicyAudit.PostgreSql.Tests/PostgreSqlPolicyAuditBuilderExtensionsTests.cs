using Microsoft.Extensions.DependencyInjection;
using PolicyAudit.Tests.Shared;

namespace PolicyAudit.PostgreSql.Tests;

[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlPolicyAuditBuilderExtensionsTests(PostgresServer server)
{
    [PostgresFact]
    public async Task UsePostgreSql_Resolved_IsOneStoreDisposedWithTheContainer()
    {
        var connectionString = await server.CreateDatabaseAsync("di");
        var services = new ServiceCollection();
        services.AddSingleton<IEvidenceStore, InMemoryEvidenceStore>();
        new Builder(services).UsePostgreSql(connectionString);

        IEvidenceStore store;
        await using (var provider = services.BuildServiceProvider())
        {
            store = provider.GetRequiredService<IEvidenceStore>();
            Assert.Same(store, provider.GetRequiredService<IEvidenceStore>());
            await store.AppendAsync([new OutcomeRecord { Id = "o", At = DateTimeOffset.UnixEpoch, DecisionId = "d", Outcome = OutcomeKind.None }], AppendDurability.Durable);
        }

        Assert.Single(services, d => d.ServiceType == typeof(IEvidenceStore));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.GetHeadAsync());
        await using var reopened = await PostgreSqlEvidence.OpenAsync(connectionString);
        Assert.Equal(1, (await reopened.GetHeadAsync())!.Sequence);
    }

    [Fact]
    public void UsePostgreSql_MalformedConnectionString_ThrowsAtRegistration()
    {
        var services = new ServiceCollection();

        Assert.Throws<ArgumentException>(() => new Builder(services).UsePostgreSql("not a connection string"));
    }

    private sealed class Builder(IServiceCollection services) : IPolicyAuditBuilder
    {
        public IServiceCollection Services { get; } = services;
    }
}
