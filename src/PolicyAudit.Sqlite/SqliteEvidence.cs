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
    /// Opens the store in <paramref name="path"/> for reading and appending, creating the store when the file does not
    /// exist or is empty (zero bytes) and migrating an older schema to the current one. Any other file is checked
    /// through a read-only connection first and, when it is not a PolicyAudit store, refused untouched.
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

    /// <summary>
    /// Opens the existing store in <paramref name="path"/> for reading only: reviews, verification and checkpoints
    /// work on a read-only mount, a file without write permission or an archived copy, and leave every byte of the
    /// file as it was (no migration, no change of journal mode). Appending to the returned store throws
    /// <see cref="InvalidOperationException"/>.
    /// </summary>
    /// <param name="path">The database file; relative paths resolve against the current directory.</param>
    /// <param name="cancellationToken">Cancels the open.</param>
    /// <returns>The store; dispose it to release the file. Thread-safe, like every store.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is empty, is not a PolicyAudit evidence store, or was written by a newer version.</exception>
    /// <exception cref="IOException">The file cannot be opened.</exception>
    public static Task<IEvidenceStore> OpenReadOnlyAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<IEvidenceStore>(SqliteEvidenceStore.Open(Path.GetFullPath(path), readOnly: true));
    }
}
