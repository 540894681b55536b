using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace PolicyAudit;

/// <summary>Registers PolicyAudit with a <see cref="IServiceCollection"/>.</summary>
public static class PolicyAuditServiceCollectionExtensions
{
    /// <summary>
    /// Registers the policy engine (<see cref="IPolicyEngine"/>), the recorders (<see cref="IOverrideRecorder"/>,
    /// <see cref="IOutcomeRecorder"/>), the decision log (<see cref="IDecisionLog"/>) and a hosted service that compiles
    /// the policies and writes the policy catalog at start-up and flushes decisions at shutdown. All are singletons.
    /// Then choose an evidence store on the returned builder: <c>.UseSqlite(path)</c>, <c>.UsePostgreSql(...)</c> or
    /// <see cref="PolicyAuditBuilderExtensions.UseInMemoryStore"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Adds the policies and sets options.</param>
    /// <returns>The builder stores plug into.</returns>
    /// <exception cref="InvalidOperationException">PolicyAudit was already added to <paramref name="services"/>.</exception>
    /// <example><code>
    /// services.AddPolicyAudit(o => o.AddPoliciesFrom(typeof(CorkageFee).Assembly))
    ///         .UseSqlite("audit.db");
    /// </code></example>
    public static IPolicyAuditBuilder AddPolicyAudit(this IServiceCollection services, Action<PolicyAuditOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        if (services.Any(d => d.ServiceType == typeof(PolicyAuditOptions)))
        {
            throw new InvalidOperationException("AddPolicyAudit was already called on this service collection; configure everything in one call.");
        }

        var options = new PolicyAuditOptions();
        configure(options);
        services.AddSingleton(options);
        services.TryAddSingleton<PolicyAuditTelemetry>();
        services.TryAddSingleton(sp =>
        {
            var set = PolicySet.Build(options.PolicyTypes);
            Log.PolicySetCompiled(LoggerFor<PolicyEngine>(sp), set.Version, set.Policies.Count);
            return set;
        });
        services.TryAddSingleton(sp =>
        {
            var store = RequireStore(sp);
            var set = sp.GetRequiredService<PolicySet>();
            var logger = LoggerFor<IDecisionLog>(sp);
            return new DecisionBuffer(
                store,
                options.DecisionBufferCapacity,
                options.TimeProvider,
                sp.GetRequiredService<PolicyAuditTelemetry>(),
                logger,
                ct => PolicyCatalog.WriteAsync(store, set, options.TimeProvider, logger, ct),
                options.DecisionRetryAttempts,
                options.FirstDecisionRetryDelay);
        });
        services.TryAddSingleton<IDecisionLog>(sp => sp.GetRequiredService<DecisionBuffer>());
        services.TryAddSingleton<IPolicyEngine>(sp => new PolicyEngine(
            sp.GetRequiredService<PolicySet>(),
            sp.GetRequiredService<DecisionBuffer>(),
            options.TimeProvider,
            sp.GetRequiredService<PolicyAuditTelemetry>(),
            LoggerFor<PolicyEngine>(sp),
            options.CreateFactsRecorder(),
            sp));
        services.TryAddSingleton<IOverrideRecorder>(sp => new OverrideRecorder(
            RequireStore(sp),
            new JustificationCheck(options.Placeholders),
            options.TimeProvider,
            sp.GetRequiredService<PolicyAuditTelemetry>(),
            LoggerFor<IOverrideRecorder>(sp),
            sp.GetRequiredService<PolicySet>()));
        services.TryAddSingleton<IOutcomeRecorder>(sp => new OutcomeRecorder(RequireStore(sp), options.TimeProvider, LoggerFor<IOutcomeRecorder>(sp)));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, PolicyAuditHostedService>());
        return new PolicyAuditBuilder(services);
    }

    private static IEvidenceStore RequireStore(IServiceProvider services) =>
        services.GetService<IEvidenceStore>()
        ?? throw new InvalidOperationException(
            "PolicyAudit has no evidence store: call UseSqlite(path), UsePostgreSql(connectionString) or UseInMemoryStore() on the builder AddPolicyAudit returns.");

    private static ILogger LoggerFor<T>(IServiceProvider services) =>
        (services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger<T>();
}
