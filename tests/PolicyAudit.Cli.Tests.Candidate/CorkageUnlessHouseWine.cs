namespace PolicyAudit.Cli.Tests.Candidate;

/// <summary>The revised corkage policy: our own house wine, bought to take away and brought back, is opened free.</summary>
[Policy("corkage-fee", Title = "Corkage fee", OverridableBy = StaffRole.Supervisor)]
public sealed class CorkageUnlessHouseWine : Policy
{
    /// <inheritdoc />
    public override void Define()
    {
        CorkedBottle bottle = null!;
        When().Match(() => bottle, b => b.WaiverRequested && b.Wine != "House red");
        Then().Deny(() => "Corkage applies to " + bottle.Wine);
    }
}
