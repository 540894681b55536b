namespace PolicyAudit.Tests.Shared;

/// <summary>
/// The evidence of a few visits, as a store of schema version 1 holds it, for the migration tests of both stores.
/// Such a store is built in two steps, and the tests say so: this build's store writes the records (the payload
/// encoding and the hash chain are those of the release: the schema change added columns beside them, nothing in
/// them), then the chain columns are copied row by row into a database created from <c>Fixtures/schema-1.sql</c>,
/// the release's schema DDL captured verbatim from commit 804c72a.
/// </summary>
public static class SchemaOneEvidence
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 14, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The release's schema DDL, from the test's output folder.</summary>
    public static string SchemaSql => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "schema-1.sql"));

    /// <summary>Guest 7's visits: a decision, its override and refusal, a complaint; guest 8's decision; a policy and a drop count.</summary>
    public static IReadOnlyList<EvidenceRecord> Records { get; } =
    [
        new PolicyRecord { Id = "corkage", At = Noon, PolicyId = "corkage", Title = "Corkage fee", OverridableBy = StaffRole.Manager },
        new OutcomeRecord { Id = "o-1", At = Noon.AddMinutes(1), DecisionId = "d-1", Outcome = OutcomeKind.Complaint },
        Decision("d-1", "guest-7"),
        Decision("d-2", "guest-8"),
        new OverrideRecord
        {
            Id = "ov-1",
            At = Noon.AddMinutes(2),
            DecisionId = "d-1",
            Staff = "maria",
            Role = StaffRole.Manager,
            Justification = "Their wedding wine",
            RequiredRole = StaffRole.Manager,
            Decision = Snapshot("guest-7"),
        },
        new RefusedOverrideRecord
        {
            Id = "refused-1",
            At = Noon.AddMinutes(3),
            DecisionId = "d-1",
            Staff = "sam",
            Role = StaffRole.Staff,
            Justification = "",
            Reason = OverrideRefusalReason.MissingJustification,
            Message = "Say why.",
            Decision = Snapshot("guest-7"),
        },
        new DroppedDecisionsRecord { Id = "dropped-1", At = Noon.AddMinutes(4), Count = 3, Since = Noon },
    ];

    /// <summary>The ids guest 7's history holds, in chain order.</summary>
    public static IReadOnlyList<string> GuestSevenHistory { get; } = ["o-1", "d-1", "ov-1", "refused-1"];

    private static DecisionRecord Decision(string id, string customer) => new()
    {
        Id = id,
        At = Noon,
        Outcome = DecisionOutcome.RequireApproval,
        Policies = ["corkage"],
        Customer = customer,
        Staff = "sam",
    };

    private static DecisionSnapshot Snapshot(string customer) => new()
    {
        DecidedAt = Noon,
        Outcome = DecisionOutcome.RequireApproval,
        Policies = [new PolicySnapshot("corkage", DecisionOutcome.RequireApproval, "Corkage of 25 applies", StaffRole.Manager)],
        Customer = customer,
    };
}
