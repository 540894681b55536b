using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace PolicyAudit;

/// <summary>
/// Ties PolicyAudit to the host's lifetime: at start-up it compiles the policy set (so an invalid one stops the host
/// before the first request) and waits for the policy catalog to be written; at shutdown it flushes the decisions.
/// </summary>
internal sealed class PolicyAuditHostedService(IServiceProvider services) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<IPolicyEngine>();
        await services.GetRequiredService<DecisionBuffer>().FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken) =>
        services.GetRequiredService<DecisionBuffer>().FlushAsync(cancellationToken);
}
