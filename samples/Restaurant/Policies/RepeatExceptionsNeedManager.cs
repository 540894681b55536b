using PolicyAudit;

namespace Restaurant.Policies;

/// <summary>A fourth exception for the same guest in a month needs a manager, who should know the guest's story.</summary>
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
        Then().RequireApproval(() => history.Customer + " already had " + history.Overrides + " exceptions this month");
    }
}
