using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace PolicyAudit;

/// <summary>Chooses the evidence store on the builder <c>AddPolicyAudit</c> returns.</summary>
public static class PolicyAuditBuilderExtensions
{
    /// <summary>
    /// Keeps evidence in memory (tests and demos): nothing survives the process. Replaces any store chosen before.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="store">A store to use (so a test can read it afterwards); a new one when null.</param>
    /// <returns>The builder.</returns>
    public static IPolicyAuditBuilder UseInMemoryStore(this IPolicyAuditBuilder builder, InMemoryEvidenceStore? store = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.RemoveAll<IEvidenceStore>();
        if (store is null)
        {
            builder.Services.AddSingleton<IEvidenceStore, InMemoryEvidenceStore>();
        }
        else
        {
            builder.Services.AddSingleton<IEvidenceStore>(store);
        }

        return builder;
    }
}
