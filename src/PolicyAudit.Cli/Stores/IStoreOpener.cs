namespace PolicyAudit.Cli;

/// <summary>Opens the evidence store a <c>--store</c> option names. The one seam between the commands and the stores.</summary>
internal interface IStoreOpener
{
    /// <summary>Opens <paramref name="store"/>.</summary>
    /// <param name="store">What the user typed after <c>--store</c>.</param>
    /// <param name="mustExist">True for commands that only read: a missing store is an error, not a new empty one.</param>
    /// <param name="cancellationToken">Cancels the open.</param>
    /// <returns>The store; the caller disposes it.</returns>
    /// <exception cref="CliException">The store does not exist or cannot be opened.</exception>
    Task<IEvidenceStore> OpenAsync(string store, bool mustExist, CancellationToken cancellationToken);
}
