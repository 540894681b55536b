namespace PolicyAudit;

/// <summary>Thrown when an append names a record (kind and id) that is already stored; nothing was appended.</summary>
public sealed class DuplicateEvidenceException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="kind">The record kind.</param>
    /// <param name="id">The duplicate id.</param>
    public DuplicateEvidenceException(EvidenceKind kind, string id)
        : base($"Evidence already holds a {kind} record with id '{id}'; nothing was appended.")
    {
        Kind = kind;
        Id = id;
    }

    /// <summary>The record kind.</summary>
    public EvidenceKind Kind { get; }

    /// <summary>The duplicate id.</summary>
    public string Id { get; }
}
