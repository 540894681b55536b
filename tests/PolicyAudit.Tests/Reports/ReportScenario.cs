using PolicyAudit.Tests.Reviewing;

namespace PolicyAudit.Tests.Reports;

/// <summary>The fixed evidence the report tests render: stable times, every verdict kind represented.</summary>
internal static class ReportScenario
{
    public const string Hostile = "<script>alert('x')</script> & \"quoted\", | pipe";

    public static Task<PolicyAudit.Review> ReviewAsync(string? hostileText = null)
    {
        var evidence = new ReviewEvidence()
            .Policy("corkage-fee", StaffRole.Supervisor, title: hostileText ?? "Corkage fee on own wine", owner: hostileText ?? "front-of-house", rationale: "Glassware and service cost the same.")
            .Policy("no-substitutions", StaffRole.Manager, title: "No substitutions on set menus", owner: "chef", version: "3f2a9c")
            .Policy("split-bill", StaffRole.Staff, title: "No split bills for parties over 8", owner: "finance")
            .Policy("gift-vouchers", StaffRole.Manager, title: "Gift vouchers only at the bar", owner: "finance");
        // Upheld: 66 preferences and 4 allergies; overridden: 24 allergies and 6 preferences. Reason == "allergy"
        // separates them (24 of 30 overrides, 4 of 70 upheld denials): the scenario's suggestion.
        for (var i = 0; i < 70; i++)
        {
            evidence.FactDenial("no-substitutions", Substitution(i < 66 ? "preference" : "allergy"));
        }

        for (var i = 0; i < 30; i++)
        {
            evidence.Override(
                "no-substitutions",
                "waiter-" + (i % 10),
                StaffRole.Staff,
                approvedBy: i % 3 != 0 ? "manager-1" : null,
                justification: hostileText ?? (i % 2 == 0 ? "Allergy" : "Regular guest"),
                customer: i < 4 ? "table-12" : "c" + i,
                at: ReviewEvidence.Start.AddDays(i % 7).AddHours(i),
                factsJson: Substitution(i % 5 != 0 ? "allergy" : "preference"));
        }

        var corkage = evidence.Denials("corkage-fee", 3).Override("corkage-fee", "waiter-1", StaffRole.Staff, justification: hostileText ?? "Anniversary");
        evidence.Outcome(corkage, OutcomeKind.Complaint);
        evidence.Denials("split-bill", 25).Allows("split-bill", 5);
        evidence.Dropped(3);
        return evidence.ReviewAsync(new EvidenceWindow(ReviewEvidence.Start, ReviewEvidence.Start.AddDays(14)));
    }

    private static string Substitution(string reason) =>
        "[{\"type\":\"Scenario.SubstitutionRequest\",\"value\":{\"Course\":3,\"Reason\":\"" + reason + "\"}}]";
}
