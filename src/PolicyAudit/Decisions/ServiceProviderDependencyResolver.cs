using Microsoft.Extensions.DependencyInjection;
using NRules.Extensibility;
using NRules.Fluent;

namespace PolicyAudit;

/// <summary>
/// Resolves the services policies declare with <c>Dependency().Resolve(() => service)</c> (NRules'
/// <see cref="IDependencyResolver"/>) from the application's root <see cref="IServiceProvider"/>, each time a policy
/// fires. Thread-safe as far as the provider is.
/// </summary>
internal sealed class ServiceProviderDependencyResolver : IDependencyResolver
{
    private readonly IServiceProvider? _services;

    /// <summary>Resolves from <paramref name="services"/>; with none, every resolution fails saying so.</summary>
    public ServiceProviderDependencyResolver(IServiceProvider? services) => _services = services;

    /// <summary>
    /// Fails at start-up, naming the policy and the type, when a policy depends on a service the provider does not have.
    /// Providers that cannot say what they hold (no <see cref="IServiceProviderIsService"/>) are checked when policies fire.
    /// </summary>
    /// <exception cref="PolicySetException">A dependency is not registered.</exception>
    public void CheckRegistered(IReadOnlyList<PolicyDependency> dependencies)
    {
        if (dependencies.Count == 0)
        {
            return;
        }

        var known = _services?.GetService<IServiceProviderIsService>();
        foreach (var dependency in dependencies)
        {
            if (_services is null || (known is not null && !known.IsService(dependency.ServiceType)))
            {
                throw new PolicySetException(Missing(dependency.PolicyId, dependency.PolicyType.FullName, dependency.ServiceType));
            }
        }
    }

    /// <inheritdoc/>
    public object Resolve(IResolutionContext context, Type serviceType)
    {
        var service = _services?.GetService(serviceType);
        if (service is null)
        {
            var type = context.Rule.Properties.TryGetProperty(RuleProperties.ClrType, out var property) ? property.Value as Type : null;
            var id = type is null ? null : Policy.PolicyAttributeOf(type)?.Id;
            throw new InvalidOperationException(Missing(id ?? context.Rule.Name, type?.FullName ?? context.Rule.Name, serviceType));
        }

        return service;
    }

    private string Missing(string policyId, string? policyClass, Type serviceType) => _services is null
        ? $"The policy '{policyId}' ({policyClass}) depends on {serviceType.FullName}, but the engine has no service provider: register PolicyAudit with services.AddPolicyAudit(...) and register {serviceType.Name} in the same container."
        : $"The policy '{policyId}' ({policyClass}) depends on {serviceType.FullName}, which is not registered in the application's service provider: register it (for example services.AddSingleton<{serviceType.Name}, ...>()).";
}
