namespace PolicyAudit.Benchmarks.Decision;

/// <summary>Makes sure a baseline computes what the engine computes, so the ratio compares like with like.</summary>
internal static class DecisionAgreement
{
    public static void Check(PolicyAudit.Decision engine, BaselineDecision baseline, string what, string variant)
    {
        var fromEngine = string.Join(", ", engine.FiredPolicies.Select(p => $"{p.PolicyId}:{p.Outcome}:{p.Reason}"));
        var fromBaseline = string.Join(", ", baseline.Fired.Select(p => $"{p.PolicyId}:{p.Outcome}:{p.Reason}"));
        if (engine.Outcome != baseline.Outcome || fromEngine != fromBaseline)
        {
            throw new InvalidOperationException(
                $"{what}: the engine decided {engine.Outcome} ({fromEngine}) but {variant} {baseline.Outcome} ({fromBaseline}); every variant must implement the same policies.");
        }

        if (engine.FiredPolicies.Count == 0)
        {
            throw new InvalidOperationException($"{what}: no policy fired, so the variants would be compared on no work.");
        }
    }
}
