namespace PolicyAudit;

/// <summary>
/// Opens PolicyAudit's evidence store on PostgreSQL, for several app instances sharing one chain.
/// </summary>
/// <remarks>
/// <para>
/// One chain for every instance: each append takes a transaction-scoped advisory lock, reads the head and inserts
/// its records with the next sequence numbers, so the chain stays linear and verifiable however many processes
/// append. The cost is that appends to one database are serialised, one commit at a time; batching decisions
/// amortises it. Durable appends commit with <c>synchronous_commit = on</c> (in the server's WAL on disk before the
/// call returns); batched appends with <c>synchronous_commit = off</c>.
/// </para>
/// <para>
/// Opening migrates the schema (<c>policyaudit.evidence</c>, append-only triggers and, where the connecting role may
/// create roles, a <c>policyaudit_writer</c> role with INSERT and SELECT only). See the package README for running
/// with that least-privilege role.
/// </para>
/// <para>The store is thread-safe. An append that throws did not land, except when the connection broke while the
/// commit was in flight; then its outcome is unknown, and re-appending the same records either lands them or is
/// refused as a duplicate.</para>
/// </remarks>
public static class PostgreSqlEvidence
{
    /// <summary>The schema version this library writes; databases with a newer one are refused.</summary>
    public const int SchemaVersion = PostgreSqlSchema.CurrentVersion;

    /// <summary>Opens the store in the database named by <paramref name="connectionString"/>, migrating its schema.</summary>
    /// <param name="connectionString">An Npgsql connection string, e.g. <c>Host=db;Database=audit;Username=app;Password=...</c>.</param>
    /// <param name="cancellationToken">Cancels the open.</param>
    /// <returns>The store; dispose it to close its connections.</returns>
    /// <exception cref="ArgumentException">The connection string is empty or malformed.</exception>
    /// <exception cref="InvalidDataException">The database holds a schema of a newer PolicyAudit, or a <c>policyaudit</c> schema that is not PolicyAudit's.</exception>
    /// <exception cref="InvalidOperationException">The schema needs migrating but the role may not change it.</exception>
    /// <exception cref="Npgsql.NpgsqlException">The server cannot be reached.</exception>
    public static async Task<IEvidenceStore> OpenAsync(string connectionString, CancellationToken cancellationToken = default) =>
        await PostgreSqlEvidenceStore.OpenAsync(connectionString, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Opens the store in the database named by <paramref name="connectionString"/> for reading only: nothing is
    /// migrated or created, and every session is read-only on the server, so a reader's role, a standby or an
    /// archived database can be reviewed and verified. Appending to the returned store throws
    /// <see cref="InvalidOperationException"/>. Thread-safe, like every store.
    /// </summary>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <param name="cancellationToken">Cancels the open.</param>
    /// <returns>The store; dispose it to close its connections.</returns>
    /// <exception cref="ArgumentException">The connection string is empty or malformed.</exception>
    /// <exception cref="InvalidDataException">The database holds no PolicyAudit store, or one of a newer PolicyAudit.</exception>
    /// <exception cref="Npgsql.NpgsqlException">The server cannot be reached.</exception>
    public static async Task<IEvidenceStore> OpenReadOnlyAsync(string connectionString, CancellationToken cancellationToken = default) =>
        await PostgreSqlEvidenceStore.OpenReadOnlyAsync(connectionString, cancellationToken).ConfigureAwait(false);
}
