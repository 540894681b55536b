using Microsoft.Extensions.DependencyInjection;

namespace PolicyAudit.Benchmarks.Shared;

/// <summary>
/// Builds the policy engine the way an application does (<c>AddPolicyAudit</c>, resolved from the container), with the
/// decision buffer writing into a <see cref="DiscardingEvidenceStore"/>.
/// </summary>
internal sealed class PolicyEngineHost : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private PolicyEngineHost(ServiceProvider provider)
    {
        _provider = provider;
        Engine = provider.GetRequiredService<IPolicyEngine>();
    }

    public IPolicyEngine Engine { get; }

    public static PolicyEngineHost Start(IEnumerable<Type> policyTypes)
    {
        var services = new ServiceCollection();
        services.AddPolicyAudit(o =>
        {
            foreach (var type in policyTypes)
            {
                o.AddPolicy(type);
            }
        }).Services.AddSingleton<IEvidenceStore>(new DiscardingEvidenceStore());
        return new PolicyEngineHost(services.BuildServiceProvider());
    }

    /// <summary>Waits until the decision buffer has handed every queued decision to the store.</summary>
    public void Flush() => _provider.GetRequiredService<IDecisionLog>().FlushAsync().GetAwaiter().GetResult();

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
