namespace PolicyAudit.Cli;

/// <summary>
/// Maps <c>--store</c> to a store: a connection string (<c>Host=...;Database=...</c>) is a PostgreSQL store,
/// anything else is the path of an SQLite file. Thread-safe.
/// </summary>
internal sealed class StoreOpener : IStoreOpener
{
    public static bool IsConnectionString(string store) =>
        store.Contains('=', StringComparison.Ordinal)
        && store.Split(';').Any(part => part.Trim().StartsWith("Host=", StringComparison.OrdinalIgnoreCase)
                                        || part.Trim().StartsWith("Server=", StringComparison.OrdinalIgnoreCase));

    public async Task<IEvidenceStore> OpenAsync(string store, bool mustExist, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(store))
        {
            throw CliException.BadInput("--store must name an SQLite file or a PostgreSQL connection string.");
        }

        if (IsConnectionString(store))
        {
            throw new CliException(ExitCodes.Failure, "PostgreSQL stores are not available in this build of policyaudit yet; use an SQLite file.");
        }

        if (mustExist && !File.Exists(store))
        {
            throw CliException.BadInput($"{store}: no such evidence store.");
        }

        try
        {
            return await SqliteEvidence.OpenAsync(store, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException ex)
        {
            throw CliException.BadInput($"{store}: {ex.Message}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            throw new CliException(ExitCodes.Failure, $"{store}: cannot open the evidence store: {ex.Message}");
        }
    }
}
