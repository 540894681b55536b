namespace PolicyAudit;

/// <summary>How a masked property of a fact is stored in a decision's evidence.</summary>
public enum Redaction
{
    /// <summary>
    /// As a keyed pseudonym (HMAC-SHA256 under the key given to <see cref="PolicyAuditOptions.PseudonymKey"/>): equal
    /// values stay equal, so a review can still count them, but the value cannot be read back. Without a key the
    /// value is dropped instead.
    /// </summary>
    Pseudonym,

    /// <summary>Not at all: the property is left out of the stored fact.</summary>
    Drop,
}
