namespace PolicyAudit.Reliability.Appender;

/// <summary>Opens the store named on the command line: a PostgreSQL connection string or an SQLite file.</summary>
internal static class AppenderStore
{
    public static Task<IEvidenceStore> OpenAsync(string store) =>
        store.Contains("Host=", StringComparison.OrdinalIgnoreCase)
            ? throw new NotSupportedException("PostgreSQL is not wired in yet.")
            : SqliteEvidence.OpenAsync(store);
}
