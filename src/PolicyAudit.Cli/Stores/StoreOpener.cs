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
            return await OpenPostgreSqlAsync(store, readOnly: mustExist, cancellationToken).ConfigureAwait(false);
        }

        if (mustExist && !File.Exists(store))
        {
            throw CliException.BadInput($"{TerminalText.Escape(store)}: no such evidence store.");
        }

        try
        {
            return mustExist
                ? await SqliteEvidence.OpenReadOnlyAsync(store, cancellationToken).ConfigureAwait(false)
                : await SqliteEvidence.OpenAsync(store, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException ex)
        {
            throw CliException.BadInput($"{TerminalText.Escape(store)}: {TerminalText.Escape(ex.Message)}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            throw new CliException(ExitCodes.Failure, $"{TerminalText.Escape(store)}: cannot open the evidence store: {TerminalText.Escape(ex.Message)}");
        }
    }

    public bool IsNew(string store)
    {
        if (string.IsNullOrWhiteSpace(store) || IsConnectionString(store))
        {
            return false;
        }

        var file = new FileInfo(store);
        return !file.Exists || file.Length == 0;
    }

    /// <summary>Names a PostgreSQL store in messages by host and database only: the connection string may hold a password.</summary>
    public static string Describe(string store)
    {
        if (!IsConnectionString(store))
        {
            return TerminalText.Escape(store);
        }

        try
        {
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(store);
            return $"PostgreSQL store {builder.Database ?? "(default database)"} on {builder.Host}";
        }
        catch (ArgumentException)
        {
            return "PostgreSQL store";
        }
    }

    private static async Task<IEvidenceStore> OpenPostgreSqlAsync(string connectionString, bool readOnly, CancellationToken cancellationToken)
    {
        var name = Describe(connectionString);
        try
        {
            return readOnly
                ? await PostgreSqlEvidence.OpenReadOnlyAsync(connectionString, cancellationToken).ConfigureAwait(false)
                : await PostgreSqlEvidence.OpenAsync(connectionString, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidDataException)
        {
            throw CliException.BadInput($"{name}: {ex.Message}");
        }
        catch (Exception ex) when (ex is InvalidOperationException or Npgsql.NpgsqlException or TimeoutException)
        {
            throw new CliException(ExitCodes.Failure, $"{name}: cannot open the evidence store: {ex.Message}");
        }
    }
}
