using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace PolicyAudit;

/// <summary>Plugs the embedded SQLite evidence store into PolicyAudit's service registration.</summary>
public static class SqlitePolicyAuditBuilderExtensions
{
    /// <summary>
    /// Keeps evidence in the SQLite file <paramref name="path"/>: registers <see cref="IEvidenceStore"/> as a singleton
    /// that opens (creating or migrating) the file the first time it is resolved, replacing any store registered
    /// before. The container disposes the store.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddPolicyAudit</c>.</param>
    /// <param name="path">The database file, e.g. <c>audit.db</c>; relative paths resolve against the current directory when registered.</param>
    /// <returns>The builder.</returns>
    public static IPolicyAuditBuilder UseSqlite(this IPolicyAuditBuilder builder, string path)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);

        // Resolve now: a host may change the current directory before the store is first used.
        var fullPath = Path.GetFullPath(path);
        builder.Services.RemoveAll<IEvidenceStore>();
        builder.Services.AddSingleton<IEvidenceStore>(_ => SqliteEvidenceStore.Open(fullPath));
        return builder;
    }
}
