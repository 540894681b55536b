using PolicyAudit;

namespace Restaurant.Simulation;

/// <summary>Who works the Saturday evening shift at Harbour Street.</summary>
internal static class Roster
{
    public const string Location = "harbour-street";

    public static readonly StaffMember[] Waiters =
        [.. Enumerable.Range(1, 8).Select(i => new StaffMember($"waiter-{i:00}", StaffRole.Staff))];

    public static readonly StaffMember[] Supervisors =
        [new("supervisor-jo", StaffRole.Supervisor), new("supervisor-sam", StaffRole.Supervisor)];

    public static readonly StaffMember Manager = new("manager-lee", StaffRole.Manager);

    public static readonly StaffMember Owner = new("owner-rivera", StaffRole.Owner);
}
