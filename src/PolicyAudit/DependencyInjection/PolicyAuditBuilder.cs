using Microsoft.Extensions.DependencyInjection;

namespace PolicyAudit;

/// <summary>The builder <see cref="PolicyAuditServiceCollectionExtensions.AddPolicyAudit"/> returns.</summary>
internal sealed class PolicyAuditBuilder(IServiceCollection services) : IPolicyAuditBuilder
{
    public IServiceCollection Services { get; } = services;
}
