namespace PolicyAudit.Reliability.Appender;

/// <summary>Plugs the store named on the command line in: a PostgreSQL connection string (Host=...) or an SQLite file.</summary>
internal static class AppenderStore
{
    public static IPolicyAuditBuilder Use(this IPolicyAuditBuilder builder, string store) =>
        store.Contains("Host=", StringComparison.OrdinalIgnoreCase)
            ? builder.UsePostgreSql(store)
            : builder.UseSqlite(store);
}
