using Microsoft.Extensions.DependencyInjection;

namespace PolicyAudit;

/// <summary>
/// Returned by <c>services.AddPolicyAudit(...)</c>: the place where stores and other parts plug in
/// (<c>.UseSqlite("audit.db")</c>, <c>.UsePostgreSql(connectionString)</c>).
/// </summary>
public interface IPolicyAuditBuilder
{
    /// <summary>The service collection PolicyAudit registers into.</summary>
    IServiceCollection Services { get; }
}
