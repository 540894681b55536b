using Restaurant.Facts;

namespace PolicyAudit.Benchmarks.Override;

/// <summary>The override every append benchmark records: a manager lets a party of ten skip the gratuity.</summary>
internal static class OverrideScenario
{
    public const int AppendsPerInvocation = 32;

    public const string Justification = "Regulars celebrating an anniversary; the owner asked us to look after them tonight.";

    public static readonly StaffMember Manager = new("manager-2", StaffRole.Manager);

    public static readonly object[] Request =
    [
        new ServiceContext("guest-1042", "harbour-street", "waiter-7"),
        new BillRequest(10, 900m, RemoveGratuity: true, SplitWays: 1),
    ];

    /// <summary>The length of the payload an override of <paramref name="decision"/> is stored with, so the plain INSERT writes as much.</summary>
    public static int PayloadLength(PolicyAudit.Decision decision)
    {
        var at = DateTimeOffset.UtcNow;
        return EvidenceCodec.Encode(new OverrideRecord
        {
            Id = TimeSortableId.New(at),
            At = at,
            DecisionId = decision.Id,
            Staff = Manager.Id,
            Role = Manager.Role,
            Justification = Justification,
            RequiredRole = decision.RequiredRole,
            Decision = DecisionSnapshot.From(decision),
        }).Length;
    }

    /// <summary>
    /// The same decision under a new id: a decision is overridden at most once (the recorder looks for an earlier
    /// override before it appends), so every measured append needs a decision of its own, and evaluating one per
    /// append would measure the engine and its decision writes too.
    /// </summary>
    public static PolicyAudit.Decision Fresh(PolicyAudit.Decision decision) =>
        new(TimeSortableId.New(DateTimeOffset.UtcNow), decision.Outcome, decision.FiredPolicies, decision.PolicySetVersion, decision.At, decision.FactsDigest, decision.Context);

    /// <summary>Runs <see cref="AppendsPerInvocation"/> appends split over <paramref name="writers"/> concurrent writers.</summary>
    public static Task Split(int writers, Func<int, Task> appendMany)
    {
        var tasks = new Task[writers];
        for (var w = 0; w < writers; w++)
        {
            var share = AppendsPerInvocation / writers;
            tasks[w] = Task.Run(() => appendMany(share));
        }

        return Task.WhenAll(tasks);
    }
}
