namespace PolicyAudit.Cli;

/// <summary>Opens the evidence store a <c>--store</c> option names. The one seam between the commands and the stores.</summary>
internal interface IStoreOpener
{
    /// <summary>Opens <paramref name="store"/>.</summary>
    /// <param name="store">What the user typed after <c>--store</c>.</param>
    /// <param name="mustExist">
    /// True for every command that only reads (verify, report, checkpoint, history...): a missing store is an error,
    /// not a new empty one, and the store is opened read-only, so it is never migrated, never switched to another
    /// journal mode and never changed by a byte. False only for commands that append (import).
    /// </param>
    /// <param name="cancellationToken">Cancels the open.</param>
    /// <returns>The store; the caller disposes it.</returns>
    /// <exception cref="CliException">The store does not exist or cannot be opened.</exception>
    Task<IEvidenceStore> OpenAsync(string store, bool mustExist, CancellationToken cancellationToken);

    /// <summary>
    /// True when opening <paramref name="store"/> for writing would create it (an SQLite file that does not exist or
    /// is empty): an import checks everything before it creates the store, so a refused one leaves no file behind.
    /// </summary>
    /// <param name="store">What the user typed after <c>--store</c>.</param>
    /// <returns>True when the store does not exist yet.</returns>
    bool IsNew(string store) => false;
}
