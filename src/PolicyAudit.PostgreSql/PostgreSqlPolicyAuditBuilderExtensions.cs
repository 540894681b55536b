using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace PolicyAudit;

/// <summary>Plugs the PostgreSQL evidence store into PolicyAudit's service registration.</summary>
public static class PostgreSqlPolicyAuditBuilderExtensions
{
    /// <summary>
    /// Keeps evidence in PostgreSQL: registers <see cref="IEvidenceStore"/> as a singleton that connects (and migrates
    /// the schema) the first time it is resolved, replacing any store registered before. The container disposes it.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddPolicyAudit</c>.</param>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException">The connection string is empty or malformed.</exception>
    public static IPolicyAuditBuilder UsePostgreSql(this IPolicyAuditBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // Parse now, so a malformed string fails at startup rather than at the first override.
        PostgreSqlEvidenceStore.ParseConnectionString(connectionString);
        builder.Services.RemoveAll<IEvidenceStore>();
        builder.Services.AddSingleton<IEvidenceStore>(_ =>
            PostgreSqlEvidenceStore.OpenAsync(connectionString, CancellationToken.None).GetAwaiter().GetResult());
        return builder;
    }
}
