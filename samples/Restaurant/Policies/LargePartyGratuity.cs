using PolicyAudit;
using Restaurant.Facts;

namespace Restaurant.Policies;

/// <summary>Parties of eight or more pay an automatic 18% gratuity.</summary>
[Policy("large-party-gratuity", Title = "18% gratuity for parties of 8 or more", Owner = "general-manager", OverridableBy = StaffRole.Supervisor,
    Rationale = "A large party takes two servers and a runner for the whole evening; the gratuity is shared by the team who served it.")]
public sealed class LargePartyGratuity : Policy
{
    /// <inheritdoc />
    public override void Define()
    {
        BillRequest bill = null!;
        When().Match(() => bill, b => b.PartySize >= 8, b => b.RemoveGratuity);
        Then().Deny(() => "Party of " + bill.PartySize + " pays the 18% gratuity");
    }
}
