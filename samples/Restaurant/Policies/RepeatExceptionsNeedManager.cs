using PolicyAudit;

namespace Restaurant.Policies;

/// <summary>
/// A fourth exception for the same guest in a month needs a manager, who should know the guest's story. The host
/// passes the guest's <see cref="CustomerHistory"/> with requests for an exception. It denies (rather than asks for
/// approval) so that it stands beside the policy the guest wants an exception from, and its manager-level authority
/// counts when someone overrides.
/// </summary>
[Policy("fourth-exception-needs-manager", Title = "A fourth exception in a month needs a manager", Owner = "general-manager", OverridableBy = StaffRole.Manager,
    Rationale = "When a guest needs an exception again and again, something in their experience keeps going wrong; the manager should know what happened before and fix it.")]
public sealed class RepeatExceptionsNeedManager : Policy
{
    private const int ExceptionsBeforeManager = 3;

    /// <inheritdoc />
    public override void Define()
    {
        CustomerHistory history = null!;
        When().Match(() => history, h => h.Overrides >= ExceptionsBeforeManager);
        Then().Deny(() => history.Customer + " already had " + history.Overrides + " exceptions this month; a manager decides the next one");
    }
}
