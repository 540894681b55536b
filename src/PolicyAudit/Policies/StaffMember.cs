namespace PolicyAudit;

/// <summary>A member of staff who serves customers, overrides decisions or approves overrides. Immutable.</summary>
/// <param name="Id">
/// The staff member's id, as the business knows it (an employee number, a login): trimmed and normalised to Unicode
/// form C; at most <see cref="EvidenceLimits.IdentifierLength"/> characters, no control or invisible characters.
/// </param>
/// <param name="Role">The authority the staff member holds; never <see cref="StaffRole.Nobody"/>.</param>
public sealed record StaffMember(string Id, StaffRole Role)
{
    /// <summary>The staff member's id: never blank, trimmed, in Unicode normalisation form C.</summary>
    /// <exception cref="ArgumentException">The id is blank, too long, or holds a control or invisible character.</exception>
    public string Id { get; } = UnicodeText.Identifier(Id, nameof(Id));

    /// <summary>The authority the staff member holds.</summary>
    public StaffRole Role { get; } = Role == StaffRole.Nobody || !Enum.IsDefined(Role)
        ? throw new ArgumentOutOfRangeException(nameof(Role), Role, "A staff member holds Staff, Supervisor, Manager or Owner.")
        : Role;
}
