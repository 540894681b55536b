namespace PolicyAudit;

/// <summary>
/// Opens PolicyAudit's embedded evidence store: one SQLite file, in WAL mode, append-only, hash-chained.
/// </summary>
/// <remarks>
/// The store is safe to use from many threads at once, and several processes may open the same file: every append
/// reads the head of the chain inside its own write transaction (<c>BEGIN IMMEDIATE</c>), so chains never fork.
/// Durable appends (overrides, refusals, outcomes) are flushed to disk (<c>synchronous=FULL</c>) before they return;
/// batched appends (decisions) are committed with <c>synchronous=NORMAL</c>, which WAL keeps consistent but may lose
/// on power failure.
/// </remarks>
public static class SqliteEvidence
{
    /// <summary>The schema version this library writes; files with a newer one are refused.</summary>
    public const int SchemaVersion = SqliteSchema.CurrentVersion;

    /// <summary>
    /// Opens the store in <paramref name="path"/>, creating the file when it does not exist and migrating an older
    /// schema to the current one.
    /// </summary>
    /// <param name="path">The database file, e.g. <c>audit.db</c>; relative paths resolve against the current directory.</param>
    /// <param name="cancellationToken">Cancels the open.</param>
    /// <returns>The store; dispose it to release the file.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="InvalidDataException">The file is not a PolicyAudit evidence store, or was written by a newer version.</exception>
    /// <exception cref="IOException">The file cannot be opened or created.</exception>
    public static Task<IEvidenceStore> OpenAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        cancellationToken.ThrowIfCancellationRequested();

        // Microsoft.Data.Sqlite is synchronous underneath; opening is a few file operations, so no thread hop.
        return Task.FromResult<IEvidenceStore>(SqliteEvidenceStore.Open(Path.GetFullPath(path)));
    }
}
