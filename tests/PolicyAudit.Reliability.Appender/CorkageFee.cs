namespace PolicyAudit.Reliability.Appender;

/// <summary>A bottle brought in from outside needs a manager's approval to waive the corkage fee.</summary>
[Policy("corkage-fee", Title = "Corkage fee for bottles brought in", Owner = "sommelier", OverridableBy = StaffRole.Manager,
    Rationale = "Corkage pays for the glassware and service of a bottle we did not sell.")]
public sealed class CorkageFee : Policy
{
    public override void Define()
    {
        BroughtBottle bottle = null!;
        When().Match(() => bottle, b => b.FromOutside);
        Then().RequireApproval(() => "Corkage fee for " + bottle.Wine);
    }
}
