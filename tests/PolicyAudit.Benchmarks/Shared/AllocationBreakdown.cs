using PolicyAudit.Benchmarks.Decision;

namespace PolicyAudit.Benchmarks.Shared;

/// <summary>
/// Where a decision's allocation goes (<c>-- --allocations</c>): each step of <c>IPolicyEngine.Evaluate</c> run on its
/// own many times, with the bytes it allocates on this thread, beside the raw NRules reused session and the whole
/// <c>Evaluate</c> (this thread, and all threads including the decision buffer's writer). Allocation does not depend
/// on the machine's load, unlike time, so this profile holds on a busy machine.
/// </summary>
internal static class AllocationBreakdown
{
    private const int Rounds = 20_000;

    public static void Print()
    {
        Print("Restaurant, 21 policies", RestaurantDecisionBenchmarks.PolicyTypes, RestaurantRules.Types, RestaurantDecisionBenchmarks.Request);
        foreach (var count in new[] { 10, 1000 })
        {
            var set = ScaledPolicySet.Generate(count);
            Print($"{count} generated policies", set.Types, set.RuleTypes, ScaledPolicySet.Request);
        }
    }

    private static void Print(string what, IReadOnlyList<Type> policies, IReadOnlyList<Type> rules, object[] request)
    {
        var raw = new RawNRules(rules);
        var pool = new PolicySessionPool(PolicySet.Build(policies), services: null);
        var host = PolicyEngineHost.Start(policies);
        var decision = host.Engine.Evaluate(request);
        var captured = FactsRecorder.Default.Capture(request);
        Console.WriteLine($"{what}: bytes per decision, mean of {Rounds:N0}");
        Row("raw NRules, reused session (insert, fire, query, retract)", () => raw.DecideInReusedSession(request));
        Row("  PolicyAudit's pooled session (the same, plus the pool)", () => pool.Evaluate(request));
        Row("  facts captured (JSON, masking, SHA-256 digest, stored copy)", () => FactsRecorder.Default.Capture(request));
        Row("  decision id", () => TimeSortableId.New(decision.At));
        Row("  Decision (with its DeterminingPolicy[])", () => new PolicyAudit.Decision(decision.Id, decision.Outcome, [.. decision.FiredPolicies], decision.PolicySetVersion, decision.At, decision.FactsDigest, decision.Context));
        Row("  DecisionRecord for the buffer", () => DecisionRecord.From(decision, captured.Stored));
        Row("IPolicyEngine.Evaluate, this thread", () => host.Engine.Evaluate(request));
        var before = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < Rounds; i++)
        {
            host.Engine.Evaluate(request);
        }

        host.Flush();
        Console.WriteLine($"  {(GC.GetTotalAllocatedBytes(precise: true) - before) / Rounds,8:N0}  IPolicyEngine.Evaluate, all threads (with the buffer's writer)");
        host.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    private static void Row(string step, Func<object?> run)
    {
        run();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Rounds; i++)
        {
            run();
        }

        Console.WriteLine($"  {(GC.GetAllocatedBytesForCurrentThread() - before) / Rounds,8:N0}  {step}");
    }
}
