namespace PolicyAudit;

/// <summary>
/// The authority a member of staff holds, lowest first. <see cref="Nobody"/> is not a role anybody holds: it is the
/// value of <see cref="PolicyAttribute.OverridableBy"/> for a policy that cannot be overridden at all (a legal rule).
/// </summary>
public enum StaffRole
{
    /// <summary>Front-line staff: a waiter, a clerk, an agent.</summary>
    Staff = 0,

    /// <summary>A shift or team supervisor.</summary>
    Supervisor = 1,

    /// <summary>A manager of the location.</summary>
    Manager = 2,

    /// <summary>The owner of the business.</summary>
    Owner = 3,

    /// <summary>Nobody may override (used only in <see cref="PolicyAttribute.OverridableBy"/>).</summary>
    Nobody = 100,
}
