namespace PolicyAudit;

/// <summary>A member of staff who serves customers, overrides decisions or approves overrides. Immutable.</summary>
/// <param name="Id">The staff member's id, as the business knows it (an employee number, a login).</param>
/// <param name="Role">The authority the staff member holds; never <see cref="StaffRole.Nobody"/>.</param>
public sealed record StaffMember(string Id, StaffRole Role)
{
    /// <summary>The staff member's id, never blank.</summary>
    public string Id { get; } = string.IsNullOrWhiteSpace(Id)
        ? throw new ArgumentException("A staff member needs a non-blank id.", nameof(Id))
        : Id;

    /// <summary>The authority the staff member holds.</summary>
    public StaffRole Role { get; } = Role == StaffRole.Nobody || !Enum.IsDefined(Role)
        ? throw new ArgumentOutOfRangeException(nameof(Role), Role, "A staff member holds Staff, Supervisor, Manager or Owner.")
        : Role;
}
