namespace PolicyAudit;

/// <summary>
/// Marks a property of a fact class that holds personal data, so a decision's evidence never stores its value: it is
/// kept as a keyed pseudonym or dropped (see <see cref="Redaction"/>). Evidence is hash-chained and cannot be
/// erased, so anything that identifies a person must be masked before it goes in. For a fact class you do not own,
/// configure the same with <see cref="PolicyAuditOptions.Redact{TFact}"/>.
/// </summary>
/// <example><code>
/// public sealed record Guest(string Id, [property: Redact] string Email, [property: Redact(Redaction.Drop)] string Phone, bool Regular);
/// </code></example>
/// <param name="how">Pseudonym (the default) or drop.</param>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class RedactAttribute(Redaction how = Redaction.Pseudonym) : Attribute
{
    /// <summary>How the property is stored.</summary>
    public Redaction How { get; } = how;
}
